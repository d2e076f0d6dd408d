; unpriv_ctx_plus_const_read.s - reads skb->cb[1] through ctx + 52.
; kernel: reject: dereference of modified ctx ptr R1 off=52 disallowed
; kernel-unpriv: reject: dereference of modified ctx ptr R1 off=52 disallowed
	.license "GPL"
	.section socket
	.globl unpriv_ctx_plus_const_read
	.type unpriv_ctx_plus_const_read, @function
unpriv_ctx_plus_const_read:
	r1 += 52
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size unpriv_ctx_plus_const_read, .-unpriv_ctx_plus_const_read
