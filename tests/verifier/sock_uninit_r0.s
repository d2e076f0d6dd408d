; sock_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section socket
	.globl sock_uninit_r0
	.type sock_uninit_r0, @function
sock_uninit_r0:
	exit
	.size sock_uninit_r0, .-sock_uninit_r0
