; kp_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_stack_bottom_ok
	.type kp_stack_bottom_ok, @function
kp_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size kp_stack_bottom_ok, .-kp_stack_bottom_ok
