; kp_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_stack_write_read
	.type kp_stack_write_read, @function
kp_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size kp_stack_write_read, .-kp_stack_write_read
