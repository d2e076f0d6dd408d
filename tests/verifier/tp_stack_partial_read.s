; tp_stack_partial_read.s - writes 4 bytes of a slot and reads all 8: half of it is uninitialised. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_partial_read
	.type tp_stack_partial_read, @function
tp_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tp_stack_partial_read, .-tp_stack_partial_read
