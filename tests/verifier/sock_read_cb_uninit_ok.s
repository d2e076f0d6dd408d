; sock_read_cb_uninit_ok.s - reads skb->cb[4]: the context is always readable.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_read_cb_uninit_ok
	.type sock_read_cb_uninit_ok, @function
sock_read_cb_uninit_ok:
	r0 = *(u32 *)(r1 + 64)
	exit
	.size sock_read_cb_uninit_ok, .-sock_read_cb_uninit_ok
