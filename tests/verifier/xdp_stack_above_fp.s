; xdp_stack_above_fp.s - stores at r10 + 0: above the frame, outside the stack.
; kernel: reject: invalid write to stack R10 off=0 size=8
	.license "GPL"
	.section xdp
	.globl xdp_stack_above_fp
	.type xdp_stack_above_fp, @function
xdp_stack_above_fp:
	r1 = 0
	*(u64 *)(r10 + 0) = r1
	r0 = 0
	exit
	.size xdp_stack_above_fp, .-xdp_stack_above_fp
