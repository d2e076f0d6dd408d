; xdp_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_uninit_r2
	.type xdp_uninit_r2, @function
xdp_uninit_r2:
	r0 = r2
	exit
	.size xdp_uninit_r2, .-xdp_uninit_r2
