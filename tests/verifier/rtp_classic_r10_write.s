; rtp_classic_r10_write.s - classic syntax: mov %r10, 0.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_classic_r10_write
	.type rtp_classic_r10_write, @function
rtp_classic_r10_write:
	mov %r10, 0
	mov %r0, 0
	exit
	.size rtp_classic_r10_write, .-rtp_classic_r10_write
