; rtp_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_uninit_r2
	.type rtp_uninit_r2, @function
rtp_uninit_r2:
	r0 = r2
	exit
	.size rtp_uninit_r2, .-rtp_uninit_r2
