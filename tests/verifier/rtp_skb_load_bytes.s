; rtp_skb_load_bytes.s - copies 4 packet bytes to the stack with bpf_skb_load_bytes.
; kernel: reject: program of this type cannot use helper bpf_skb_load_bytes#26
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_skb_load_bytes
	.type rtp_skb_load_bytes, @function
rtp_skb_load_bytes:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size rtp_skb_load_bytes, .-rtp_skb_load_bytes
