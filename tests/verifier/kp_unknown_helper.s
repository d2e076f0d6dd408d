; kp_unknown_helper.s - calls helper 999, which does not exist.
; kernel: reject: invalid func unknown#999
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_unknown_helper
	.type kp_unknown_helper, @function
kp_unknown_helper:
	call 999
	r0 = 0
	exit
	.size kp_unknown_helper, .-kp_unknown_helper
