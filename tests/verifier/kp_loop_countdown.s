; kp_loop_countdown.s - counts down from 100 to 0: bounded.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_countdown
	.type kp_loop_countdown, @function
kp_loop_countdown:
	r1 = 100
loop:
	r1 -= 1
	if r1 != 0 goto loop
	r0 = 0
	exit
	.size kp_loop_countdown, .-kp_loop_countdown
