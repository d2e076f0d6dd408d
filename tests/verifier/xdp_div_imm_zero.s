; xdp_div_imm_zero.s - divides by the constant 0: refused when the program is checked.
; kernel: reject: div by zero
	.license "GPL"
	.section xdp
	.globl xdp_div_imm_zero
	.type xdp_div_imm_zero, @function
xdp_div_imm_zero:
	r0 = 10
	r0 /= 0
	exit
	.size xdp_div_imm_zero, .-xdp_div_imm_zero
