; kp_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_uninit_r2
	.type kp_uninit_r2, @function
kp_uninit_r2:
	r0 = r2
	exit
	.size kp_uninit_r2, .-kp_uninit_r2
