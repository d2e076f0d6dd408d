; tc_classic_pkt.s - classic syntax: a tc packet bounds check and a u16 read.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_classic_pkt
	.type tc_classic_pkt, @function
tc_classic_pkt:
	ldxw %r2, [%r1+76]
	ldxw %r3, [%r1+80]
	mov %r4, %r2
	add %r4, 14
	jgt %r4, %r3, out
	ldxh %r0, [%r2+12]
out:
	mov %r0, 0
	exit
	.size tc_classic_pkt, .-tc_classic_pkt
