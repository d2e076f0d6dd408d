; tc_stack_misaligned_u32.s - stores a u32 at r10 - 6: misaligned for its size.
; kernel: reject: misaligned stack access off 0+0+-6 size 4
	.license "GPL"
	.section tc
	.globl tc_stack_misaligned_u32
	.type tc_stack_misaligned_u32, @function
tc_stack_misaligned_u32:
	*(u32 *)(r10 - 6) = 1
	r0 = 0
	exit
	.size tc_stack_misaligned_u32, .-tc_stack_misaligned_u32
