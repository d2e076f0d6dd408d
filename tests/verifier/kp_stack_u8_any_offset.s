; kp_stack_u8_any_offset.s - byte stores need no alignment: r10 - 3 is fine.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_stack_u8_any_offset
	.type kp_stack_u8_any_offset, @function
kp_stack_u8_any_offset:
	*(u8 *)(r10 - 3) = 1
	r0 = *(u8 *)(r10 - 3)
	exit
	.size kp_stack_u8_any_offset, .-kp_stack_u8_any_offset
