; xdp_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_stack_bottom_ok
	.type xdp_stack_bottom_ok, @function
xdp_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size xdp_stack_bottom_ok, .-xdp_stack_bottom_ok
