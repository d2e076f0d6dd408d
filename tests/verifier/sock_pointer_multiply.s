; sock_pointer_multiply.s - multiplies a pointer: pointer arithmetic other than add/sub.
; kernel: reject: R1 pointer arithmetic with *= operator prohibited
	.license "GPL"
	.section socket
	.globl sock_pointer_multiply
	.type sock_pointer_multiply, @function
sock_pointer_multiply:
	r1 = r10
	r1 *= 2
	r0 = 0
	exit
	.size sock_pointer_multiply, .-sock_pointer_multiply
