; sock_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_ok_minimal
	.type sock_ok_minimal, @function
sock_ok_minimal:
	r0 = 0
	exit
	.size sock_ok_minimal, .-sock_ok_minimal
