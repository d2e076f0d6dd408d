; xdp_null_deref.s - dereferences the constant 0.
; kernel: reject: R1 invalid mem access 'scalar'
	.license "GPL"
	.section xdp
	.globl xdp_null_deref
	.type xdp_null_deref, @function
xdp_null_deref:
	r1 = 0
	r0 = *(u8 *)(r1 + 0)
	exit
	.size xdp_null_deref, .-xdp_null_deref
