; xdp_pointer_returned.s - returns the frame pointer as the program's result.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pointer_returned
	.type xdp_pointer_returned, @function
xdp_pointer_returned:
	r0 = r10
	exit
	.size xdp_pointer_returned, .-xdp_pointer_returned
