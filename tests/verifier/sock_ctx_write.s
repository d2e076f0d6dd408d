; sock_ctx_write.s - writes the context field at offset 0.
; kernel: reject: invalid bpf_context access off=0 size=4
	.license "GPL"
	.section socket
	.globl sock_ctx_write
	.type sock_ctx_write, @function
sock_ctx_write:
	r2 = 0
	*(u32 *)(r1 + 0) = r2
	r0 = 0
	exit
	.size sock_ctx_write, .-sock_ctx_write
