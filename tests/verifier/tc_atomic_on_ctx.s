; tc_atomic_on_ctx.s - an atomic add into the context.
; kernel: reject: BPF_ATOMIC stores into R1 ctx is not allowed
	.license "GPL"
	.section tc
	.globl tc_atomic_on_ctx
	.type tc_atomic_on_ctx, @function
tc_atomic_on_ctx:
	r2 = 1
	lock *(u32 *)(r1 + 0) += r2
	r0 = 0
	exit
	.size tc_atomic_on_ctx, .-tc_atomic_on_ctx
