; xdp_skb_load_bytes.s - copies 4 packet bytes to the stack with bpf_skb_load_bytes.
; kernel: reject: program of this type cannot use helper bpf_skb_load_bytes#26
	.license "GPL"
	.section xdp
	.globl xdp_skb_load_bytes
	.type xdp_skb_load_bytes, @function
xdp_skb_load_bytes:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size xdp_skb_load_bytes, .-xdp_skb_load_bytes
