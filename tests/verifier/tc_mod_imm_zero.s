; tc_mod_imm_zero.s - modulo by the constant 0.
; kernel: reject: div by zero
	.license "GPL"
	.section tc
	.globl tc_mod_imm_zero
	.type tc_mod_imm_zero, @function
tc_mod_imm_zero:
	r0 = 10
	r0 %= 0
	exit
	.size tc_mod_imm_zero, .-tc_mod_imm_zero
