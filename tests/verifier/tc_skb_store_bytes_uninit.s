; tc_skb_store_bytes_uninit.s - bpf_skb_store_bytes from uninitialised stack. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_skb_store_bytes_uninit
	.type tc_skb_store_bytes_uninit, @function
tc_skb_store_bytes_uninit:
	r2 = 0
	r3 = r10
	r3 += -4
	r4 = 4
	r5 = 0
	call bpf_skb_store_bytes
	r0 = 0
	exit
	.size tc_skb_store_bytes_uninit, .-tc_skb_store_bytes_uninit
