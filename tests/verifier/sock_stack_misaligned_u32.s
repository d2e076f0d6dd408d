; sock_stack_misaligned_u32.s - stores a u32 at r10 - 6: misaligned for its size.
; kernel: reject: misaligned stack access off 0+0+-6 size 4
	.license "GPL"
	.section socket
	.globl sock_stack_misaligned_u32
	.type sock_stack_misaligned_u32, @function
sock_stack_misaligned_u32:
	*(u32 *)(r10 - 6) = 1
	r0 = 0
	exit
	.size sock_stack_misaligned_u32, .-sock_stack_misaligned_u32
