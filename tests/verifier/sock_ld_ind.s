; sock_ld_ind.s - ld_ind: a legacy load at r7 + 14 with r6 = ctx.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_ld_ind
	.type sock_ld_ind, @function
sock_ld_ind:
	r6 = r1
	r7 = 0
	r0 = *(u8 *)skb[r7 + 14]
	r0 = 0
	exit
	.size sock_ld_ind, .-sock_ld_ind
