; xdp_spill_fill_ctx.s - spills the context pointer to the stack and fills it back.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_spill_fill_ctx
	.type xdp_spill_fill_ctx, @function
xdp_spill_fill_ctx:
	*(u64 *)(r10 - 8) = r1
	r1 = 0
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u32 *)(r1 + 12)
	r0 = 0
	exit
	.size xdp_spill_fill_ctx, .-xdp_spill_fill_ctx
