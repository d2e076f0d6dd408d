; unpriv_ctx_plus_reg.s - moves the context pointer by a register holding 52 (not an immediate).
; kernel: accept
; kernel-unpriv: reject: R1 has pointer with unsupported alu operation, pointer arithmetic with it prohibited for !root
	.license "GPL"
	.section socket
	.globl unpriv_ctx_plus_reg
	.type unpriv_ctx_plus_reg, @function
unpriv_ctx_plus_reg:
	r2 = 52
	r1 += r2
	r0 = 0
	exit
	.size unpriv_ctx_plus_reg, .-unpriv_ctx_plus_reg
