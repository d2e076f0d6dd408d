; xdp_adjust_head_scalar_ctx.s - bpf_xdp_adjust_head whose r1 is a number.
; kernel: reject: R1 type=scalar expected=ctx
	.license "GPL"
	.section xdp
	.globl xdp_adjust_head_scalar_ctx
	.type xdp_adjust_head_scalar_ctx, @function
xdp_adjust_head_scalar_ctx:
	r1 = 0
	r2 = 0
	call bpf_xdp_adjust_head
	r0 = 2
	exit
	.size xdp_adjust_head_scalar_ctx, .-xdp_adjust_head_scalar_ctx
