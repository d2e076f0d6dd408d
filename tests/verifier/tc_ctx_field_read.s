; tc_ctx_field_read.s - reads a valid context field (u32 at offset 0).
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_ctx_field_read
	.type tc_ctx_field_read, @function
tc_ctx_field_read:
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size tc_ctx_field_read, .-tc_ctx_field_read
