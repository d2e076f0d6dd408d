; unpriv_store_scalar_into_ctx.s - stores a number into skb->cb[0].
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_store_scalar_into_ctx
	.type unpriv_store_scalar_into_ctx, @function
unpriv_store_scalar_into_ctx:
	r2 = 7
	*(u32 *)(r1 + 48) = r2
	r0 = 0
	exit
	.size unpriv_store_scalar_into_ctx, .-unpriv_store_scalar_into_ctx
