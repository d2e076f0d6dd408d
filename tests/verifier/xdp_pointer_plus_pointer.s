; xdp_pointer_plus_pointer.s - adds two pointers.
; kernel: reject: R2 pointer += pointer prohibited
	.license "GPL"
	.section xdp
	.globl xdp_pointer_plus_pointer
	.type xdp_pointer_plus_pointer, @function
xdp_pointer_plus_pointer:
	r2 = r10
	r2 += r1
	r0 = 0
	exit
	.size xdp_pointer_plus_pointer, .-xdp_pointer_plus_pointer
