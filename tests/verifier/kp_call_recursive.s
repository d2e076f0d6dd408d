; kp_call_recursive.s - a subprogram that calls itself: recursion is a back-edge.
; kernel: reject: the call stack of 9 frames is too deep
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_call_recursive
	.type kp_call_recursive, @function
kp_call_recursive:
	call f
	exit
	.size kp_call_recursive, .-kp_call_recursive
	.type f, @function
f:
	call f
	r0 = 0
	exit
	.size f, .-f
