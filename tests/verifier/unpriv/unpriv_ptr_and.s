; unpriv_ptr_and.s - masks the context pointer with &.
; kernel: reject: R1 bitwise operator &= on pointer prohibited
; kernel-unpriv: reject: R1 bitwise operator &= on pointer prohibited
	.license "GPL"
	.section socket
	.globl unpriv_ptr_and
	.type unpriv_ptr_and, @function
unpriv_ptr_and:
	r1 &= 7
	r0 = 0
	exit
	.size unpriv_ptr_and, .-unpriv_ptr_and
