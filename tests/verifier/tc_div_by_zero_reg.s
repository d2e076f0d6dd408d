; tc_div_by_zero_reg.s - divides by a register holding 0: defined (result 0), allowed.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_div_by_zero_reg
	.type tc_div_by_zero_reg, @function
tc_div_by_zero_reg:
	r0 = 10
	r1 = 0
	r0 /= r1
	exit
	.size tc_div_by_zero_reg, .-tc_div_by_zero_reg
