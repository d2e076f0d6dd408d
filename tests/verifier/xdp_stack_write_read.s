; xdp_stack_write_read.s - writes a stack slot, then reads it back: initialised.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_stack_write_read
	.type xdp_stack_write_read, @function
xdp_stack_write_read:
	r1 = 5
	*(u64 *)(r10 - 8) = r1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size xdp_stack_write_read, .-xdp_stack_write_read
