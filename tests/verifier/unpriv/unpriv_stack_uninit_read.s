; unpriv_stack_uninit_read.s - reads 8 bytes of stack nobody wrote.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack R10 off=-8 size=8
	.license "GPL"
	.section socket
	.globl unpriv_stack_uninit_read
	.type unpriv_stack_uninit_read, @function
unpriv_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size unpriv_stack_uninit_read, .-unpriv_stack_uninit_read
