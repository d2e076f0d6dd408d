; sock_atomic_add_stack.s - an atomic add into an initialised stack slot.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_atomic_add_stack
	.type sock_atomic_add_stack, @function
sock_atomic_add_stack:
	*(u64 *)(r10 - 8) = 0
	r1 = 1
	lock *(u64 *)(r10 - 8) += r1
	r0 = 0
	exit
	.size sock_atomic_add_stack, .-sock_atomic_add_stack
