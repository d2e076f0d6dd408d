; xdp_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section xdp
	.globl xdp_r10_write
	.type xdp_r10_write, @function
xdp_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size xdp_r10_write, .-xdp_r10_write
