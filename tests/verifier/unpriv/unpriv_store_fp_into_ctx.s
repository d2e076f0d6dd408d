; unpriv_store_fp_into_ctx.s - stores the frame pointer into skb->cb[0].
; kernel: accept
; kernel-unpriv: reject: R10 leaks addr into ctx
	.license "GPL"
	.section socket
	.globl unpriv_store_fp_into_ctx
	.type unpriv_store_fp_into_ctx, @function
unpriv_store_fp_into_ctx:
	*(u32 *)(r1 + 48) = r10
	r0 = 0
	exit
	.size unpriv_store_fp_into_ctx, .-unpriv_store_fp_into_ctx
