; tc_stack_partial_read.s - writes 4 bytes of a slot and reads all 8: half of it is uninitialised. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_stack_partial_read
	.type tc_stack_partial_read, @function
tc_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tc_stack_partial_read, .-tc_stack_partial_read
