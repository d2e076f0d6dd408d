; kp_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_infinite
	.type kp_loop_infinite, @function
kp_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size kp_loop_infinite, .-kp_loop_infinite
