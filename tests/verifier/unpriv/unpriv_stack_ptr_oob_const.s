; unpriv_stack_ptr_oob_const.s - moves a stack pointer below the 512-byte frame, unused.
; kernel: accept
; kernel-unpriv: reject: R1 stack pointer arithmetic goes out of range, prohibited for !root; off=-600
	.license "GPL"
	.section socket
	.globl unpriv_stack_ptr_oob_const
	.type unpriv_stack_ptr_oob_const, @function
unpriv_stack_ptr_oob_const:
	r1 = r10
	r1 += -600
	r0 = 0
	exit
	.size unpriv_stack_ptr_oob_const, .-unpriv_stack_ptr_oob_const
