; xdp_div_by_zero_reg.s - divides by a register holding 0: defined (result 0), allowed.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_div_by_zero_reg
	.type xdp_div_by_zero_reg, @function
xdp_div_by_zero_reg:
	r0 = 10
	r1 = 0
	r0 /= r1
	exit
	.size xdp_div_by_zero_reg, .-xdp_div_by_zero_reg
