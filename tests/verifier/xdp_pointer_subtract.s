; xdp_pointer_subtract.s - subtracts two stack pointers: a scalar, allowed.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pointer_subtract
	.type xdp_pointer_subtract, @function
xdp_pointer_subtract:
	r1 = r10
	r2 = r10
	r2 += -8
	r1 -= r2
	r0 = r1
	r0 = 0
	exit
	.size xdp_pointer_subtract, .-xdp_pointer_subtract
