; tc_pointer_multiply.s - multiplies a pointer: pointer arithmetic other than add/sub.
; kernel: reject: R1 pointer arithmetic with *= operator prohibited
	.license "GPL"
	.section tc
	.globl tc_pointer_multiply
	.type tc_pointer_multiply, @function
tc_pointer_multiply:
	r1 = r10
	r1 *= 2
	r0 = 0
	exit
	.size tc_pointer_multiply, .-tc_pointer_multiply
