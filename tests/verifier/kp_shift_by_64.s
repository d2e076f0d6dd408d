; kp_shift_by_64.s - shifts left by the immediate 64: out of range for the verifier.
; kernel: reject: invalid shift 64
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_shift_by_64
	.type kp_shift_by_64, @function
kp_shift_by_64:
	r0 = 1
	r0 <<= 64
	exit
	.size kp_shift_by_64, .-kp_shift_by_64
