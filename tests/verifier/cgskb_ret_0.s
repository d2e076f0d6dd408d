; cgskb_ret_0.s - a cgroup skb program returning 0 (drop).
; kernel: accept
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_0
	.type cgskb_ret_0, @function
cgskb_ret_0:
	r0 = 0
	exit
	.size cgskb_ret_0, .-cgskb_ret_0
