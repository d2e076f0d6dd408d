; unpriv_cmp32_ctx.s - a 32-bit comparison of the context pointer.
; kernel: accept
; kernel-unpriv: reject: R1 pointer comparison prohibited
	.license "GPL"
	.section socket
	.globl unpriv_cmp32_ctx
	.type unpriv_cmp32_ctx, @function
unpriv_cmp32_ctx:
	if w1 == 0 goto l
l:
	r0 = 0
	exit
	.size unpriv_cmp32_ctx, .-unpriv_cmp32_ctx
