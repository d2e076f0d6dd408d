; unpriv_ptr_sub_ptr.s - subtracts two stack pointers: a number, but derived from pointers.
; kernel: accept
; kernel-unpriv: reject: R0 pointer -= pointer prohibited
	.license "GPL"
	.section socket
	.globl unpriv_ptr_sub_ptr
	.type unpriv_ptr_sub_ptr, @function
unpriv_ptr_sub_ptr:
	r0 = r10
	r1 = r10
	r1 += -8
	r0 -= r1
	exit
	.size unpriv_ptr_sub_ptr, .-unpriv_ptr_sub_ptr
