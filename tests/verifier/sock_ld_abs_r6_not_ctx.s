; sock_ld_abs_r6_not_ctx.s - ld_abs with r6 = a number.
; kernel: reject: at the time of BPF_LD_ABS|IND R6 != pointer to skb
	.license "GPL"
	.section socket
	.globl sock_ld_abs_r6_not_ctx
	.type sock_ld_abs_r6_not_ctx, @function
sock_ld_abs_r6_not_ctx:
	r6 = 0
	r0 = *(u16 *)skb[12]
	r0 = 0
	exit
	.size sock_ld_abs_r6_not_ctx, .-sock_ld_abs_r6_not_ctx
