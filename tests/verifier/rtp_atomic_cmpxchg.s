; rtp_atomic_cmpxchg.s - compare-and-exchange: r0 is the expected value and the result.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_atomic_cmpxchg
	.type rtp_atomic_cmpxchg, @function
rtp_atomic_cmpxchg:
	*(u64 *)(r10 - 8) = 5
	r0 = 5
	r1 = 6
	r0 = cmpxchg_64(r10 - 8, r0, r1)
	r0 = 0
	exit
	.size rtp_atomic_cmpxchg, .-rtp_atomic_cmpxchg
