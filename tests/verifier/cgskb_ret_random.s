; cgskb_ret_random.s - returns a random value: unknown, outside [0, 1].
; kernel: reject: At program exit the register R0 has unknown scalar value should have been in [0, 1]
	.license "GPL"
	.section cgroup_skb/ingress
	.globl cgskb_ret_random
	.type cgskb_ret_random, @function
cgskb_ret_random:
	call bpf_get_prandom_u32
	exit
	.size cgskb_ret_random, .-cgskb_ret_random
