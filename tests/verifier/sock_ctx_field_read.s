; sock_ctx_field_read.s - reads a valid context field (u32 at offset 0).
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_ctx_field_read
	.type sock_ctx_field_read, @function
sock_ctx_field_read:
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size sock_ctx_field_read, .-sock_ctx_field_read
