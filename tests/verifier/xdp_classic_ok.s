; xdp_classic_ok.s - classic mnemonic syntax: bounds check and a byte read.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_classic_ok
	.type xdp_classic_ok, @function
xdp_classic_ok:
	ldxw %r2, [%r1+0]
	ldxw %r3, [%r1+4]
	mov %r4, %r2
	add %r4, 1
	jgt %r4, %r3, out
	ldxb %r0, [%r2+0]
out:
	mov %r0, 2
	exit
	.size xdp_classic_ok, .-xdp_classic_ok
