; xdp_div_uninit_divisor.s - divides by r3, never written.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_div_uninit_divisor
	.type xdp_div_uninit_divisor, @function
xdp_div_uninit_divisor:
	r0 = 1
	r0 /= r3
	exit
	.size xdp_div_uninit_divisor, .-xdp_div_uninit_divisor
