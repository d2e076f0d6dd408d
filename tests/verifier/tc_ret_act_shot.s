; tc_ret_act_shot.s - returns TC_ACT_SHOT (2).
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_ret_act_shot
	.type tc_ret_act_shot, @function
tc_ret_act_shot:
	r0 = 2
	exit
	.size tc_ret_act_shot, .-tc_ret_act_shot
