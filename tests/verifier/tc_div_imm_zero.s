; tc_div_imm_zero.s - divides by the constant 0: refused when the program is checked.
; kernel: reject: div by zero
	.license "GPL"
	.section tc
	.globl tc_div_imm_zero
	.type tc_div_imm_zero, @function
tc_div_imm_zero:
	r0 = 10
	r0 /= 0
	exit
	.size tc_div_imm_zero, .-tc_div_imm_zero
