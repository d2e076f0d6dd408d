; rtp_div_uninit_divisor.s - divides by r3, never written.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_div_uninit_divisor
	.type rtp_div_uninit_divisor, @function
rtp_div_uninit_divisor:
	r0 = 1
	r0 /= r3
	exit
	.size rtp_div_uninit_divisor, .-rtp_div_uninit_divisor
