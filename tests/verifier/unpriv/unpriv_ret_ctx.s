; unpriv_ret_ctx.s - returns the context pointer: a pointer leak as return value.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr as return value
	.license "GPL"
	.section socket
	.globl unpriv_ret_ctx
	.type unpriv_ret_ctx, @function
unpriv_ret_ctx:
	r0 = r1
	exit
	.size unpriv_ret_ctx, .-unpriv_ret_ctx
