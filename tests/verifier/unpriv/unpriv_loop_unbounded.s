; unpriv_loop_unbounded.s - a loop on a random number (a back-edge).
; kernel: reject: infinite loop detected at insn 1
; kernel-unpriv: reject: back-edge from insn 2 to 1
	.license "GPL"
	.section socket
	.globl unpriv_loop_unbounded
	.type unpriv_loop_unbounded, @function
unpriv_loop_unbounded:
	call bpf_get_prandom_u32
l:
	r0 += 1
	if r0 != 0 goto l
	exit
	.size unpriv_loop_unbounded, .-unpriv_loop_unbounded
