; tc_spill_fill_ctx.s - spills the context pointer to the stack and fills it back.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_spill_fill_ctx
	.type tc_spill_fill_ctx, @function
tc_spill_fill_ctx:
	*(u64 *)(r10 - 8) = r1
	r1 = 0
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size tc_spill_fill_ctx, .-tc_spill_fill_ctx
