; kp_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_stack_uninit_read
	.type kp_stack_uninit_read, @function
kp_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size kp_stack_uninit_read, .-kp_stack_uninit_read
