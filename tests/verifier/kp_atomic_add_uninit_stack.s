; kp_atomic_add_uninit_stack.s - an atomic add into a stack slot never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_atomic_add_uninit_stack
	.type kp_atomic_add_uninit_stack, @function
kp_atomic_add_uninit_stack:
	r1 = 1
	lock *(u64 *)(r10 - 8) += r1
	r0 = 0
	exit
	.size kp_atomic_add_uninit_stack, .-kp_atomic_add_uninit_stack
