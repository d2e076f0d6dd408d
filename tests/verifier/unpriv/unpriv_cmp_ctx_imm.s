; unpriv_cmp_ctx_imm.s - compares the context pointer with 0 (it is never NULL).
; kernel: accept
; kernel-unpriv: reject: R1 pointer comparison prohibited
	.license "GPL"
	.section socket
	.globl unpriv_cmp_ctx_imm
	.type unpriv_cmp_ctx_imm, @function
unpriv_cmp_ctx_imm:
	if r1 != 0 goto l
l:
	r0 = 0
	exit
	.size unpriv_cmp_ctx_imm, .-unpriv_cmp_ctx_imm
