; kp_sdiv_min_by_minus1.s - signed division INT64_MIN / -1 (v4 sdiv): defined, allowed.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_sdiv_min_by_minus1
	.type kp_sdiv_min_by_minus1, @function
kp_sdiv_min_by_minus1:
	r0 = -0x80000000
	r0 <<= 32
	r0 s/= -1
	r0 = 0
	exit
	.size kp_sdiv_min_by_minus1, .-kp_sdiv_min_by_minus1
