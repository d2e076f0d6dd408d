; sock_loop_fills_stack.s - a loop that zeroes 8 stack slots through a moving pointer.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_loop_fills_stack
	.type sock_loop_fills_stack, @function
sock_loop_fills_stack:
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
	.size sock_loop_fills_stack, .-sock_loop_fills_stack
