; sock_ld_abs.s - ld_abs of the ethertype with r6 = ctx.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_ld_abs
	.type sock_ld_abs, @function
sock_ld_abs:
	r6 = r1
	r0 = *(u16 *)skb[12]
	r0 = 0
	exit
	.size sock_ld_abs, .-sock_ld_abs
