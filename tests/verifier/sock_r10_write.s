; sock_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section socket
	.globl sock_r10_write
	.type sock_r10_write, @function
sock_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size sock_r10_write, .-sock_r10_write
