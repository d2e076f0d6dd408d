; tc_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section tc
	.globl tc_uninit_r2
	.type tc_uninit_r2, @function
tc_uninit_r2:
	r0 = r2
	exit
	.size tc_uninit_r2, .-tc_uninit_r2
