; kp_call_subprog.s - calls a subprogram that returns its argument plus one.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_call_subprog
	.type kp_call_subprog, @function
kp_call_subprog:
	r1 = 1
	call f
	exit
	.size kp_call_subprog, .-kp_call_subprog
	.type f, @function
f:
	r0 = r1
	r0 += 1
	exit
	.size f, .-f
