; kp_pointer_bitwise.s - ORs a stack pointer with a constant.
; kernel: reject: R1 bitwise operator |= on pointer prohibited
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_pointer_bitwise
	.type kp_pointer_bitwise, @function
kp_pointer_bitwise:
	r1 = r10
	r1 |= 1
	r0 = 0
	exit
	.size kp_pointer_bitwise, .-kp_pointer_bitwise
