; kp_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ok_minimal
	.type kp_ok_minimal, @function
kp_ok_minimal:
	r0 = 0
	exit
	.size kp_ok_minimal, .-kp_ok_minimal
