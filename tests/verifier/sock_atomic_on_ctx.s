; sock_atomic_on_ctx.s - an atomic add into the context.
; kernel: reject: BPF_ATOMIC stores into R1 ctx is not allowed
	.license "GPL"
	.section socket
	.globl sock_atomic_on_ctx
	.type sock_atomic_on_ctx, @function
sock_atomic_on_ctx:
	r2 = 1
	lock *(u32 *)(r1 + 0) += r2
	r0 = 0
	exit
	.size sock_atomic_on_ctx, .-sock_atomic_on_ctx
