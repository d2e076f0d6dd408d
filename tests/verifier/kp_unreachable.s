; kp_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_unreachable
	.type kp_unreachable, @function
kp_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size kp_unreachable, .-kp_unreachable
