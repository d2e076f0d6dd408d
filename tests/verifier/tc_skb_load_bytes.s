; tc_skb_load_bytes.s - copies 4 packet bytes to the stack with bpf_skb_load_bytes.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_skb_load_bytes
	.type tc_skb_load_bytes, @function
tc_skb_load_bytes:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size tc_skb_load_bytes, .-tc_skb_load_bytes
