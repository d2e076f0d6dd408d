; xdp_r10_add.s - adds to the frame pointer in place.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section xdp
	.globl xdp_r10_add
	.type xdp_r10_add, @function
xdp_r10_add:
	r10 += -8
	r0 = 0
	exit
	.size xdp_r10_add, .-xdp_r10_add
