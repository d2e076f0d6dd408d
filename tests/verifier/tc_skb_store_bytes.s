; tc_skb_store_bytes.s - bpf_skb_store_bytes of 4 stack bytes.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_skb_store_bytes
	.type tc_skb_store_bytes, @function
tc_skb_store_bytes:
	*(u32 *)(r10 - 4) = 0
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	r5 = 0
	call bpf_skb_store_bytes
	r0 = 0
	exit
	.size tc_skb_store_bytes, .-tc_skb_store_bytes
