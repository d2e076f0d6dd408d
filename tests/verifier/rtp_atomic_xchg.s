; rtp_atomic_xchg.s - exchanges a stack slot with a register.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_atomic_xchg
	.type rtp_atomic_xchg, @function
rtp_atomic_xchg:
	*(u64 *)(r10 - 8) = 5
	r1 = 1
	r1 = xchg_64(r10 - 8, r1)
	r0 = r1
	exit
	.size rtp_atomic_xchg, .-rtp_atomic_xchg
