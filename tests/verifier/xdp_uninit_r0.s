; xdp_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_uninit_r0
	.type xdp_uninit_r0, @function
xdp_uninit_r0:
	exit
	.size xdp_uninit_r0, .-xdp_uninit_r0
