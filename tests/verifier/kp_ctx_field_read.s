; kp_ctx_field_read.s - reads a valid context field (u64 at offset 112).
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_field_read
	.type kp_ctx_field_read, @function
kp_ctx_field_read:
	r0 = *(u64 *)(r1 + 112)
	r0 = 0
	exit
	.size kp_ctx_field_read, .-kp_ctx_field_read
