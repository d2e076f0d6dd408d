; rtp_classic_ok.s - classic syntax: a raw tracepoint reading args[0].
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_classic_ok
	.type rtp_classic_ok, @function
rtp_classic_ok:
	ldxdw %r2, [%r1+0]
	mov %r0, 0
	exit
	.size rtp_classic_ok, .-rtp_classic_ok
