; sock_stack_u8_any_offset.s - byte stores need no alignment: r10 - 3 is fine.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_stack_u8_any_offset
	.type sock_stack_u8_any_offset, @function
sock_stack_u8_any_offset:
	*(u8 *)(r10 - 3) = 1
	r0 = *(u8 *)(r10 - 3)
	exit
	.size sock_stack_u8_any_offset, .-sock_stack_u8_any_offset
