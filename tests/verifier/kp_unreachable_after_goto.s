; kp_unreachable_after_goto.s - an instruction skipped by an unconditional jump.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_unreachable_after_goto
	.type kp_unreachable_after_goto, @function
kp_unreachable_after_goto:
	r0 = 0
	goto +1
	r0 = 1
	exit
	.size kp_unreachable_after_goto, .-kp_unreachable_after_goto
