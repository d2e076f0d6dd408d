; rtp_ctx_write.s - writes the context field at offset 8.
; kernel: reject: invalid bpf_context access off=8 size=8
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ctx_write
	.type rtp_ctx_write, @function
rtp_ctx_write:
	r2 = 0
	*(u64 *)(r1 + 8) = r2
	r0 = 0
	exit
	.size rtp_ctx_write, .-rtp_ctx_write
