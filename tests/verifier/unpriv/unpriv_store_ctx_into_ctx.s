; unpriv_store_ctx_into_ctx.s - stores the context pointer into skb->cb[0].
; kernel: accept
; kernel-unpriv: reject: R1 leaks addr into ctx
	.license "GPL"
	.section socket
	.globl unpriv_store_ctx_into_ctx
	.type unpriv_store_ctx_into_ctx, @function
unpriv_store_ctx_into_ctx:
	*(u32 *)(r1 + 48) = r1
	r0 = 0
	exit
	.size unpriv_store_ctx_into_ctx, .-unpriv_store_ctx_into_ctx
