; unpriv_cmp_scalar_ctx.s - compares a number with the context pointer (pointer on the right).
; kernel: accept
; kernel-unpriv: reject: R1 pointer comparison prohibited
	.license "GPL"
	.section socket
	.globl unpriv_cmp_scalar_ctx
	.type unpriv_cmp_scalar_ctx, @function
unpriv_cmp_scalar_ctx:
	r2 = 5
	if r2 > r1 goto l
l:
	r0 = 0
	exit
	.size unpriv_cmp_scalar_ctx, .-unpriv_cmp_scalar_ctx
