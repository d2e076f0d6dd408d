; sock_write_cb.s - writes skb->cb[1]: the scratch area is writable.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_write_cb
	.type sock_write_cb, @function
sock_write_cb:
	r2 = 1
	*(u32 *)(r1 + 52) = r2
	r0 = 0
	exit
	.size sock_write_cb, .-sock_write_cb
