; xdp_ret_pass.s - returns XDP_PASS (2).
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_ret_pass
	.type xdp_ret_pass, @function
xdp_ret_pass:
	r0 = 2
	exit
	.size xdp_ret_pass, .-xdp_ret_pass
