; sock_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section socket
	.globl sock_uninit_r2
	.type sock_uninit_r2, @function
sock_uninit_r2:
	r0 = r2
	exit
	.size sock_uninit_r2, .-sock_uninit_r2
