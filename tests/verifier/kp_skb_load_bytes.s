; kp_skb_load_bytes.s - bpf_skb_load_bytes from a kprobe: a networking helper.
; kernel: reject: program of this type cannot use helper bpf_skb_load_bytes#26
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_skb_load_bytes
	.type kp_skb_load_bytes, @function
kp_skb_load_bytes:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size kp_skb_load_bytes, .-kp_skb_load_bytes
