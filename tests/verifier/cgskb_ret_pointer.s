; cgskb_ret_pointer.s - returns the frame pointer.
; kernel: reject: At program exit the register R0 is not a known value (fp)
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_pointer
	.type cgskb_ret_pointer, @function
cgskb_ret_pointer:
	r0 = r10
	exit
	.size cgskb_ret_pointer, .-cgskb_ret_pointer
