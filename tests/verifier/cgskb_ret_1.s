; cgskb_ret_1.s - a cgroup skb program returning 1 (allow).
; kernel: accept
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_1
	.type cgskb_ret_1, @function
cgskb_ret_1:
	r0 = 1
	exit
	.size cgskb_ret_1, .-cgskb_ret_1
