; kp_ret_one.s - a kprobe returning 1: not range-checked.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ret_one
	.type kp_ret_one, @function
kp_ret_one:
	r0 = 1
	exit
	.size kp_ret_one, .-kp_ret_one
