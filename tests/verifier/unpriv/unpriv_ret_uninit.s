; unpriv_ret_uninit.s - exits without setting r0.
; kernel: reject: R0 !read_ok
; kernel-unpriv: reject: R0 !read_ok
	.license "GPL"
	.section socket
	.globl unpriv_ret_uninit
	.type unpriv_ret_uninit, @function
unpriv_ret_uninit:
	exit
	.size unpriv_ret_uninit, .-unpriv_ret_uninit
