; rtp_stack_partial_read.s - writes 4 bytes of a slot and reads all 8: half of it is uninitialised. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_partial_read
	.type rtp_stack_partial_read, @function
rtp_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size rtp_stack_partial_read, .-rtp_stack_partial_read
