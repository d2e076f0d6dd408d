; kp_pointer_alu32.s - 32-bit arithmetic on a pointer.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_pointer_alu32
	.type kp_pointer_alu32, @function
kp_pointer_alu32:
	w1 = w10
	w1 += 1
	r0 = 0
	exit
	.size kp_pointer_alu32, .-kp_pointer_alu32
