; rtp_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_unreachable
	.type rtp_unreachable, @function
rtp_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size rtp_unreachable, .-rtp_unreachable
