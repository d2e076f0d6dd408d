; sock_shift_by_64.s - shifts left by the immediate 64: out of range for the verifier.
; kernel: reject: invalid shift 64
	.license "GPL"
	.section socket
	.globl sock_shift_by_64
	.type sock_shift_by_64, @function
sock_shift_by_64:
	r0 = 1
	r0 <<= 64
	exit
	.size sock_shift_by_64, .-sock_shift_by_64
