; rtp_deref_arg.s - dereferences args[1] directly: it is a number here, not a pointer.
; kernel: reject: R2 invalid mem access 'scalar'
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_deref_arg
	.type rtp_deref_arg, @function
rtp_deref_arg:
	r2 = *(u64 *)(r1 + 8)
	r0 = *(u64 *)(r2 + 0)
	r0 = 0
	exit
	.size rtp_deref_arg, .-rtp_deref_arg
