; xdp_ctx_arith_and_back.s - moves the context pointer by +8 then -8 before reading.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_ctx_arith_and_back
	.type xdp_ctx_arith_and_back, @function
xdp_ctx_arith_and_back:
	r1 += 8
	r1 += -8
	r0 = *(u32 *)(r1 + 12)
	r0 = 0
	exit
	.size xdp_ctx_arith_and_back, .-xdp_ctx_arith_and_back
