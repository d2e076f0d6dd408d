; tp_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_write_read
	.type tp_stack_write_read, @function
tp_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tp_stack_write_read, .-tp_stack_write_read
