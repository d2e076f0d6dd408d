; kp_ctx_arith_and_back.s - moves the context pointer by +8 then -8 before reading.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_arith_and_back
	.type kp_ctx_arith_and_back, @function
kp_ctx_arith_and_back:
	r1 += 8
	r1 += -8
	r0 = *(u64 *)(r1 + 112)
	r0 = 0
	exit
	.size kp_ctx_arith_and_back, .-kp_ctx_arith_and_back
