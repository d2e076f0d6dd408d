; kp_call_keeps_r6.s - the caller's r6 survives the call (callee-saved).
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_call_keeps_r6
	.type kp_call_keeps_r6, @function
kp_call_keeps_r6:
	r6 = 2
	call f
	r0 = r6
	exit
	.size kp_call_keeps_r6, .-kp_call_keeps_r6
	.type f, @function
f:
	r6 = 9
	r0 = 0
	exit
	.size f, .-f
