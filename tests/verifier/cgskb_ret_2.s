; cgskb_ret_2.s - a cgroup skb program returning 2, outside [0, 1].
; kernel: reject: At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_2
	.type cgskb_ret_2, @function
cgskb_ret_2:
	r0 = 2
	exit
	.size cgskb_ret_2, .-cgskb_ret_2
