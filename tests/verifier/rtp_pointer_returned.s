; rtp_pointer_returned.s - returns the frame pointer as the program's result.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_pointer_returned
	.type rtp_pointer_returned, @function
rtp_pointer_returned:
	r0 = r10
	exit
	.size rtp_pointer_returned, .-rtp_pointer_returned
