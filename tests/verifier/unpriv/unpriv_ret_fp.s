; unpriv_ret_fp.s - returns the frame pointer.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr as return value
	.license "GPL"
	.section socket
	.globl unpriv_ret_fp
	.type unpriv_ret_fp, @function
unpriv_ret_fp:
	r0 = r10
	exit
	.size unpriv_ret_fp, .-unpriv_ret_fp
