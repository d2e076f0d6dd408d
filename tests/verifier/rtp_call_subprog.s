; rtp_call_subprog.s - calls a subprogram that returns its argument plus one.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_call_subprog
	.type rtp_call_subprog, @function
rtp_call_subprog:
	r1 = 1
	call f
	exit
	.size rtp_call_subprog, .-rtp_call_subprog
	.type f, @function
f:
	r0 = r1
	r0 += 1
	exit
	.size f, .-f
