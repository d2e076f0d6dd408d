; tc_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section tc
	.globl tc_uninit_r0
	.type tc_uninit_r0, @function
tc_uninit_r0:
	exit
	.size tc_uninit_r0, .-tc_uninit_r0
