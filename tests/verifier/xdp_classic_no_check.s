; xdp_classic_no_check.s - classic mnemonic syntax: the byte read without the check.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_classic_no_check
	.type xdp_classic_no_check, @function
xdp_classic_no_check:
	ldxw %r2, [%r1+0]
	ldxb %r0, [%r2+0]
	mov %r0, 2
	exit
	.size xdp_classic_no_check, .-xdp_classic_no_check
