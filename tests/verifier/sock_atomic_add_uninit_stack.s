; sock_atomic_add_uninit_stack.s - an atomic add into a stack slot never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_atomic_add_uninit_stack
	.type sock_atomic_add_uninit_stack, @function
sock_atomic_add_uninit_stack:
	r1 = 1
	lock *(u64 *)(r10 - 8) += r1
	r0 = 0
	exit
	.size sock_atomic_add_uninit_stack, .-sock_atomic_add_uninit_stack
