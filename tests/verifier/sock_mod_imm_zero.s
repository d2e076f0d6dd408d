; sock_mod_imm_zero.s - modulo by the constant 0.
; kernel: reject: div by zero
	.license "GPL"
	.section socket
	.globl sock_mod_imm_zero
	.type sock_mod_imm_zero, @function
sock_mod_imm_zero:
	r0 = 10
	r0 %= 0
	exit
	.size sock_mod_imm_zero, .-sock_mod_imm_zero
