; rtp_atomic_into_spilled_ptr.s - an atomic add into a stack slot that holds a spilled pointer.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_atomic_into_spilled_ptr
	.type rtp_atomic_into_spilled_ptr, @function
rtp_atomic_into_spilled_ptr:
	*(u64 *)(r10 - 8) = r1
	r2 = 1
	lock *(u64 *)(r10 - 8) += r2
	r0 = 0
	exit
	.size rtp_atomic_into_spilled_ptr, .-rtp_atomic_into_spilled_ptr
