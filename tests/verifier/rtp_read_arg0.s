; rtp_read_arg0.s - reads args[0] as u64.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_read_arg0
	.type rtp_read_arg0, @function
rtp_read_arg0:
	r0 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
	.size rtp_read_arg0, .-rtp_read_arg0
