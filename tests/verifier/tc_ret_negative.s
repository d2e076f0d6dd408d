; tc_ret_negative.s - returns -1 (TC_ACT_UNSPEC): no range check for tc.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_ret_negative
	.type tc_ret_negative, @function
tc_ret_negative:
	r0 = -1
	exit
	.size tc_ret_negative, .-tc_ret_negative
