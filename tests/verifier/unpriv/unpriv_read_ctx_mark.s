; unpriv_read_ctx_mark.s - reads skb->mark.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_read_ctx_mark
	.type unpriv_read_ctx_mark, @function
unpriv_read_ctx_mark:
	r0 = *(u32 *)(r1 + 8)
	exit
	.size unpriv_read_ctx_mark, .-unpriv_read_ctx_mark
