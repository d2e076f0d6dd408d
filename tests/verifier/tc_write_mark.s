; tc_write_mark.s - writes skb->mark: writable for tc.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_write_mark
	.type tc_write_mark, @function
tc_write_mark:
	r2 = 1
	*(u32 *)(r1 + 8) = r2
	r0 = 0
	exit
	.size tc_write_mark, .-tc_write_mark
