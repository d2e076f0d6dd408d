; tp_loop_countdown.s - counts down from 100 to 0: bounded.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_countdown
	.type tp_loop_countdown, @function
tp_loop_countdown:
	r1 = 100
loop:
	r1 -= 1
	if r1 != 0 goto loop
	r0 = 0
	exit
	.size tp_loop_countdown, .-tp_loop_countdown
