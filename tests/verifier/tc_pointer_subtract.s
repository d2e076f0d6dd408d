; tc_pointer_subtract.s - subtracts two stack pointers: a scalar, allowed.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pointer_subtract
	.type tc_pointer_subtract, @function
tc_pointer_subtract:
	r1 = r10
	r2 = r10
	r2 += -8
	r1 -= r2
	r0 = r1
	r0 = 0
	exit
	.size tc_pointer_subtract, .-tc_pointer_subtract
