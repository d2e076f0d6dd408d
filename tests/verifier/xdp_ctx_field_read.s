; xdp_ctx_field_read.s - reads a valid context field (u32 at offset 12).
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_ctx_field_read
	.type xdp_ctx_field_read, @function
xdp_ctx_field_read:
	r0 = *(u32 *)(r1 + 12)
	r0 = 0
	exit
	.size xdp_ctx_field_read, .-xdp_ctx_field_read
