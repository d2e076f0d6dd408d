; sock_unreachable_after_goto.s - an instruction skipped by an unconditional jump.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section socket
	.globl sock_unreachable_after_goto
	.type sock_unreachable_after_goto, @function
sock_unreachable_after_goto:
	r0 = 0
	goto +1
	r0 = 1
	exit
	.size sock_unreachable_after_goto, .-sock_unreachable_after_goto
