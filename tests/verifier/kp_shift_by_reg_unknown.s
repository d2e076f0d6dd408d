; kp_shift_by_reg_unknown.s - shifts by a random register amount: the result is unknown, allowed.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_shift_by_reg_unknown
	.type kp_shift_by_reg_unknown, @function
kp_shift_by_reg_unknown:
	call bpf_get_prandom_u32
	r1 = 1
	r1 <<= r0
	r0 = 0
	exit
	.size kp_shift_by_reg_unknown, .-kp_shift_by_reg_unknown
