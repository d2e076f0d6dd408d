; cgskb_ret_masked.s - returns a random value masked with 1: in [0, 1].
; kernel: accept
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_masked
	.type cgskb_ret_masked, @function
cgskb_ret_masked:
	call bpf_get_prandom_u32
	r0 &= 1
	exit
	.size cgskb_ret_masked, .-cgskb_ret_masked
