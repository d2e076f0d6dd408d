; unpriv_ptr_sub_ptr_unused.s - subtracts two stack pointers and throws the difference away.
; kernel: accept
; kernel-unpriv: reject: R2 pointer -= pointer prohibited
	.license "GPL"
	.section socket
	.globl unpriv_ptr_sub_ptr_unused
	.type unpriv_ptr_sub_ptr_unused, @function
unpriv_ptr_sub_ptr_unused:
	r2 = r10
	r3 = r10
	r3 += -8
	r2 -= r3
	r0 = 0
	exit
	.size unpriv_ptr_sub_ptr_unused, .-unpriv_ptr_sub_ptr_unused
