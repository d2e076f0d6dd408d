; sock_pointer_alu32.s - 32-bit arithmetic on a pointer.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_pointer_alu32
	.type sock_pointer_alu32, @function
sock_pointer_alu32:
	w1 = w10
	w1 += 1
	r0 = 0
	exit
	.size sock_pointer_alu32, .-sock_pointer_alu32
