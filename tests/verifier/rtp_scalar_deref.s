; rtp_scalar_deref.s - dereferences a number.
; kernel: reject: R1 invalid mem access 'scalar'
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_scalar_deref
	.type rtp_scalar_deref, @function
rtp_scalar_deref:
	r1 = 4096
	r0 = *(u64 *)(r1 + 0)
	exit
	.size rtp_scalar_deref, .-rtp_scalar_deref
