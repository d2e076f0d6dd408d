; sock_classic_ldabs.s - classic mnemonic ldabsh with r6 = ctx.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_classic_ldabs
	.type sock_classic_ldabs, @function
sock_classic_ldabs:
	mov %r6, %r1
	ldabsh 12
	mov %r0, 0
	exit
	.size sock_classic_ldabs, .-sock_classic_ldabs
