; sock_skb_load_bytes.s - copies 4 packet bytes to the stack with bpf_skb_load_bytes.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_skb_load_bytes
	.type sock_skb_load_bytes, @function
sock_skb_load_bytes:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size sock_skb_load_bytes, .-sock_skb_load_bytes
