; cgskb_ret_m1.s - a cgroup skb program returning -1, outside [0, 1].
; kernel: reject: At program exit the register R0 has smin=-1 smax=-1 should have been in [0, 1]
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_m1
	.type cgskb_ret_m1, @function
cgskb_ret_m1:
	r0 = -1
	exit
	.size cgskb_ret_m1, .-cgskb_ret_m1
