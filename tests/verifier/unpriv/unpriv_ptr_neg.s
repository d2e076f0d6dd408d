; unpriv_ptr_neg.s - negates a stack pointer.
; kernel: accept
; kernel-unpriv: reject: R1 pointer arithmetic prohibited
	.license "GPL"
	.section socket
	.globl unpriv_ptr_neg
	.type unpriv_ptr_neg, @function
unpriv_ptr_neg:
	r1 = r10
	r1 = -r1
	r0 = 0
	exit
	.size unpriv_ptr_neg, .-unpriv_ptr_neg
