; sock_classic_lock_xadd.s - classic syntax: lock add into an initialised stack slot.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_classic_lock_xadd
	.type sock_classic_lock_xadd, @function
sock_classic_lock_xadd:
	stdw [%r10-8], 0
	mov %r1, 1
	lock add [%r10-8], %r1
	mov %r0, 0
	exit
	.size sock_classic_lock_xadd, .-sock_classic_lock_xadd
