; tc_r10_add.s - adds to the frame pointer in place.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section tc
	.globl tc_r10_add
	.type tc_r10_add, @function
tc_r10_add:
	r10 += -8
	r0 = 0
	exit
	.size tc_r10_add, .-tc_r10_add
