; sock_ret_truncate.s - returns 64: keep at most 64 bytes of the packet.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_ret_truncate
	.type sock_ret_truncate, @function
sock_ret_truncate:
	r0 = 64
	exit
	.size sock_ret_truncate, .-sock_ret_truncate
