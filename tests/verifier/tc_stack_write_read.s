; tc_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_stack_write_read
	.type tc_stack_write_read, @function
tc_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tc_stack_write_read, .-tc_stack_write_read
