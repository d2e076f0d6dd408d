; unpriv_scalar_plus_ptr.s - adds a pointer to a number: the result is a pointer.
; kernel: accept
; kernel-unpriv: reject: R0 stack pointer arithmetic goes out of range, prohibited for !root; off=8
	.license "GPL"
	.section socket
	.globl unpriv_scalar_plus_ptr
	.type unpriv_scalar_plus_ptr, @function
unpriv_scalar_plus_ptr:
	r0 = 8
	r0 += r10
	r0 = 0
	exit
	.size unpriv_scalar_plus_ptr, .-unpriv_scalar_plus_ptr
