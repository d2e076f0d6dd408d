; rtp_read_arg_u32.s - reads args[1] as a u32.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_read_arg_u32
	.type rtp_read_arg_u32, @function
rtp_read_arg_u32:
	r0 = *(u32 *)(r1 + 8)
	r0 = 0
	exit
	.size rtp_read_arg_u32, .-rtp_read_arg_u32
