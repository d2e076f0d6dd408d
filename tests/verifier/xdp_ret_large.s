; xdp_ret_large.s - returns 1000, not an XDP action: not checked for XDP.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_ret_large
	.type xdp_ret_large, @function
xdp_ret_large:
	r0 = 1000
	exit
	.size xdp_ret_large, .-xdp_ret_large
