; rtp_call_callee_reads_r6.s - the callee reads r6: callee-saved registers are not arguments, unset in the new frame.
; kernel: reject: R6 !read_ok
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_call_callee_reads_r6
	.type rtp_call_callee_reads_r6, @function
rtp_call_callee_reads_r6:
	r6 = 1
	call f
	r0 = 0
	exit
	.size rtp_call_callee_reads_r6, .-rtp_call_callee_reads_r6
	.type f, @function
f:
	r0 = r6
	exit
	.size f, .-f
