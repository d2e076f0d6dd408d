; kp_loop_fills_stack.s - a loop that zeroes 8 stack slots through a moving pointer.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_fills_stack
	.type kp_loop_fills_stack, @function
kp_loop_fills_stack:
	r1 = r10
	r1 += -64
	r2 = 0
loop:
	*(u64 *)(r1 + 0) = 0
	r1 += 8
	r2 += 1
	if r2 < 8 goto loop
	r0 = *(u64 *)(r10 - 64)
	r0 = 0
	exit
	.size kp_loop_fills_stack, .-kp_loop_fills_stack
