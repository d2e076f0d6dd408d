; tc_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_ok_minimal
	.type tc_ok_minimal, @function
tc_ok_minimal:
	r0 = 0
	exit
	.size tc_ok_minimal, .-tc_ok_minimal
