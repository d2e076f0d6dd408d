; sock_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_stack_write_read
	.type sock_stack_write_read, @function
sock_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size sock_stack_write_read, .-sock_stack_write_read
