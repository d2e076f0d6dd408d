; sock_r10_add.s - adds to the frame pointer in place.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section socket
	.globl sock_r10_add
	.type sock_r10_add, @function
sock_r10_add:
	r10 += -8
	r0 = 0
	exit
	.size sock_r10_add, .-sock_r10_add
