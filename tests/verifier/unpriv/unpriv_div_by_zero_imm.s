; unpriv_div_by_zero_imm.s - divides by the constant 0.
; kernel: reject: div by zero
; kernel-unpriv: reject: div by zero
	.license "GPL"
	.section socket
	.globl unpriv_div_by_zero_imm
	.type unpriv_div_by_zero_imm, @function
unpriv_div_by_zero_imm:
	r0 = 1
	r0 /= 0
	exit
	.size unpriv_div_by_zero_imm, .-unpriv_div_by_zero_imm
