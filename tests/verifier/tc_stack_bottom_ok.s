; tc_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_stack_bottom_ok
	.type tc_stack_bottom_ok, @function
tc_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size tc_stack_bottom_ok, .-tc_stack_bottom_ok
