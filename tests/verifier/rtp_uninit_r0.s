; rtp_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_uninit_r0
	.type rtp_uninit_r0, @function
rtp_uninit_r0:
	exit
	.size rtp_uninit_r0, .-rtp_uninit_r0
