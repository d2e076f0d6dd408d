; tc_ld_abs.s - a legacy packet load (ld_abs) with r6 = ctx: allowed for tc.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_ld_abs
	.type tc_ld_abs, @function
tc_ld_abs:
	r6 = r1
	r0 = *(u8 *)skb[12]
	r0 = 0
	exit
	.size tc_ld_abs, .-tc_ld_abs
