; rtp_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_bottom_ok
	.type rtp_stack_bottom_ok, @function
rtp_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size rtp_stack_bottom_ok, .-rtp_stack_bottom_ok
