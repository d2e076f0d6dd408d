; rtp_null_deref.s - dereferences the constant 0.
; kernel: reject: R1 invalid mem access 'scalar'
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_null_deref
	.type rtp_null_deref, @function
rtp_null_deref:
	r1 = 0
	r0 = *(u8 *)(r1 + 0)
	exit
	.size rtp_null_deref, .-rtp_null_deref
