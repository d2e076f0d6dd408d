; sock_ld_abs_no_r6.s - ld_abs without setting r6 to the context.
; kernel: reject: R6 !read_ok
	.license "GPL"
	.section socket
	.globl sock_ld_abs_no_r6
	.type sock_ld_abs_no_r6, @function
sock_ld_abs_no_r6:
	r0 = *(u16 *)skb[12]
	r0 = 0
	exit
	.size sock_ld_abs_no_r6, .-sock_ld_abs_no_r6
