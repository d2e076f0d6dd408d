; tc_write_cb.s - writes skb->cb[0].
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_write_cb
	.type tc_write_cb, @function
tc_write_cb:
	r2 = 1
	*(u32 *)(r1 + 48) = r2
	r0 = 0
	exit
	.size tc_write_cb, .-tc_write_cb
