; sock_div_imm_zero.s - divides by the constant 0: refused when the program is checked.
; kernel: reject: div by zero
	.license "GPL"
	.section socket
	.globl sock_div_imm_zero
	.type sock_div_imm_zero, @function
sock_div_imm_zero:
	r0 = 10
	r0 /= 0
	exit
	.size sock_div_imm_zero, .-sock_div_imm_zero
