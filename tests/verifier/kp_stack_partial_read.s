; kp_stack_partial_read.s - writes 4 bytes of a slot and reads all 8: half of it is uninitialised. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_stack_partial_read
	.type kp_stack_partial_read, @function
kp_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size kp_stack_partial_read, .-kp_stack_partial_read
