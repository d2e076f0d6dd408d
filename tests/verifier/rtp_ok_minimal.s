; rtp_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ok_minimal
	.type rtp_ok_minimal, @function
rtp_ok_minimal:
	r0 = 0
	exit
	.size rtp_ok_minimal, .-rtp_ok_minimal
