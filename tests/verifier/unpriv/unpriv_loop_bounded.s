; unpriv_loop_bounded.s - a loop of 4 iterations (a back-edge).
; kernel: accept
; kernel-unpriv: reject: back-edge from insn 2 to 1
	.license "GPL"
	.section socket
	.globl unpriv_loop_bounded
	.type unpriv_loop_bounded, @function
unpriv_loop_bounded:
	r1 = 0
l:
	r1 += 1
	if r1 < 4 goto l
	r0 = 0
	exit
	.size unpriv_loop_bounded, .-unpriv_loop_bounded
