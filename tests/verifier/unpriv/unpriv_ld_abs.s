; unpriv_ld_abs.s - ld_abs of the ethertype with r6 = ctx.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_ld_abs
	.type unpriv_ld_abs, @function
unpriv_ld_abs:
	r6 = r1
	r0 = *(u16 *)skb[12]
	r0 = 0
	exit
	.size unpriv_ld_abs, .-unpriv_ld_abs
