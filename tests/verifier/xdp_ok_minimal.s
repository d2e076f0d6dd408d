; xdp_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_ok_minimal
	.type xdp_ok_minimal, @function
xdp_ok_minimal:
	r0 = 0
	exit
	.size xdp_ok_minimal, .-xdp_ok_minimal
