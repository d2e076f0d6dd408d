; sock_ld_abs_clobbers.s - ld_abs scratches r1-r5 like a call: r2 is unset after it.
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section socket
	.globl sock_ld_abs_clobbers
	.type sock_ld_abs_clobbers, @function
sock_ld_abs_clobbers:
	r6 = r1
	r2 = 1
	r0 = *(u8 *)skb[0]
	r0 = r2
	exit
	.size sock_ld_abs_clobbers, .-sock_ld_abs_clobbers
