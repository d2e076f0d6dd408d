; rtp_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_r10_write
	.type rtp_r10_write, @function
rtp_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size rtp_r10_write, .-rtp_r10_write
