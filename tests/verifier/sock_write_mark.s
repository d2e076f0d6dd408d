; sock_write_mark.s - writes skb->mark: not writable for socket filters.
; kernel: reject: invalid bpf_context access off=8 size=4
	.license "GPL"
	.section socket
	.globl sock_write_mark
	.type sock_write_mark, @function
sock_write_mark:
	r2 = 1
	*(u32 *)(r1 + 8) = r2
	r0 = 0
	exit
	.size sock_write_mark, .-sock_write_mark
