; rtp_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_write_read
	.type rtp_stack_write_read, @function
rtp_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size rtp_stack_write_read, .-rtp_stack_write_read
