; unpriv_ret_fp_plus.s - returns r10 - 8, a stack pointer.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr as return value
	.license "GPL"
	.section socket
	.globl unpriv_ret_fp_plus
	.type unpriv_ret_fp_plus, @function
unpriv_ret_fp_plus:
	r0 = r10
	r0 += -8
	exit
	.size unpriv_ret_fp_plus, .-unpriv_ret_fp_plus
