; kp_atomic_on_ctx.s - an atomic add into the context.
; kernel: reject: BPF_ATOMIC stores into R1 ctx is not allowed
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_atomic_on_ctx
	.type kp_atomic_on_ctx, @function
kp_atomic_on_ctx:
	r2 = 1
	lock *(u32 *)(r1 + 112) += r2
	r0 = 0
	exit
	.size kp_atomic_on_ctx, .-kp_atomic_on_ctx
