; tp_call_passes_ctx.s - passes the context to a subprogram that reads a field.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_call_passes_ctx
	.type tp_call_passes_ctx, @function
tp_call_passes_ctx:
	call f
	r0 = 0
	exit
	.size tp_call_passes_ctx, .-tp_call_passes_ctx
	.type f, @function
f:
	r0 = *(u64 *)(r1 + 16)
	exit
	.size f, .-f
