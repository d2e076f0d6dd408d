; sock_atomic_misaligned.s - an atomic 64-bit add at r10 - 12: misaligned.
; kernel: reject: misaligned stack access off 0+0+-12 size 8
	.license "GPL"
	.section socket
	.globl sock_atomic_misaligned
	.type sock_atomic_misaligned, @function
sock_atomic_misaligned:
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 8) = 0
	r1 = 1
	lock *(u64 *)(r10 - 12) += r1
	r0 = 0
	exit
	.size sock_atomic_misaligned, .-sock_atomic_misaligned
