; rtp_read_arg11.s - reads args[11], the last of the 12 possible arguments.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_read_arg11
	.type rtp_read_arg11, @function
rtp_read_arg11:
	r0 = *(u64 *)(r1 + 88)
	r0 = 0
	exit
	.size rtp_read_arg11, .-rtp_read_arg11
