; unpriv_cmp_ctx_scalar.s - compares the context pointer with a number in a register.
; kernel: accept
; kernel-unpriv: reject: R1 pointer comparison prohibited
	.license "GPL"
	.section socket
	.globl unpriv_cmp_ctx_scalar
	.type unpriv_cmp_ctx_scalar, @function
unpriv_cmp_ctx_scalar:
	r2 = 5
	if r1 > r2 goto l
l:
	r0 = 0
	exit
	.size unpriv_cmp_ctx_scalar, .-unpriv_cmp_ctx_scalar
