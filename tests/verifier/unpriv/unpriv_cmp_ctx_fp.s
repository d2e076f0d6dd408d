; unpriv_cmp_ctx_fp.s - compares the context pointer with the frame pointer.
; kernel: accept
; kernel-unpriv: reject: R10 pointer comparison prohibited
	.license "GPL"
	.section socket
	.globl unpriv_cmp_ctx_fp
	.type unpriv_cmp_ctx_fp, @function
unpriv_cmp_ctx_fp:
	if r1 == r10 goto l
l:
	r0 = 0
	exit
	.size unpriv_cmp_ctx_fp, .-unpriv_cmp_ctx_fp
