; unpriv_atomic_uninit_stack.s - an atomic add into a stack slot nobody wrote.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack R10 off=-8 size=8
	.license "GPL"
	.section socket
	.globl unpriv_atomic_uninit_stack
	.type unpriv_atomic_uninit_stack, @function
unpriv_atomic_uninit_stack:
	r1 = 1
	lock *(u64 *)(r10 - 8) += r1
	r0 = 0
	exit
	.size unpriv_atomic_uninit_stack, .-unpriv_atomic_uninit_stack
