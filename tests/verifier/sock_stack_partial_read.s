; sock_stack_partial_read.s - writes 4 bytes of a slot and reads all 8: half of it is uninitialised. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_stack_partial_read
	.type sock_stack_partial_read, @function
sock_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size sock_stack_partial_read, .-sock_stack_partial_read
