; cgskb_ret_w_masked.s - returns w0 & 3 from a 32-bit and: up to 3, outside [0, 1].
; kernel: reject: At program exit the register R0 has smin=0 smax=3 should have been in [0, 1]
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_w_masked
	.type cgskb_ret_w_masked, @function
cgskb_ret_w_masked:
	call bpf_get_prandom_u32
	w0 &= 3
	exit
	.size cgskb_ret_w_masked, .-cgskb_ret_w_masked
