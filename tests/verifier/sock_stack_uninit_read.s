; sock_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_stack_uninit_read
	.type sock_stack_uninit_read, @function
sock_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size sock_stack_uninit_read, .-sock_stack_uninit_read
