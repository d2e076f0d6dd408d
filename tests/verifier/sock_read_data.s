; sock_read_data.s - reads skb->data: socket filters have no direct packet access.
; kernel: reject: invalid bpf_context access off=76 size=4
	.license "GPL"
	.section socket
	.globl sock_read_data
	.type sock_read_data, @function
sock_read_data:
	r0 = *(u32 *)(r1 + 76)
	r0 = 0
	exit
	.size sock_read_data, .-sock_read_data
