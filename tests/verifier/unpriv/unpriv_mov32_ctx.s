; unpriv_mov32_ctx.s - copies the low half of the context pointer (w0 = w1).
; kernel: accept
; kernel-unpriv: reject: R1 partial copy of pointer
	.license "GPL"
	.section socket
	.globl unpriv_mov32_ctx
	.type unpriv_mov32_ctx, @function
unpriv_mov32_ctx:
	w0 = w1
	r0 = 0
	exit
	.size unpriv_mov32_ctx, .-unpriv_mov32_ctx
