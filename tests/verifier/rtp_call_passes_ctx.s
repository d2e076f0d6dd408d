; rtp_call_passes_ctx.s - passes the context to a subprogram that reads a field.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_call_passes_ctx
	.type rtp_call_passes_ctx, @function
rtp_call_passes_ctx:
	call f
	r0 = 0
	exit
	.size rtp_call_passes_ctx, .-rtp_call_passes_ctx
	.type f, @function
f:
	r0 = *(u64 *)(r1 + 8)
	exit
	.size f, .-f
