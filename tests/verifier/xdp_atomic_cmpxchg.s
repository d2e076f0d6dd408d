; xdp_atomic_cmpxchg.s - compare-and-exchange: r0 is the expected value and the result.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_atomic_cmpxchg
	.type xdp_atomic_cmpxchg, @function
xdp_atomic_cmpxchg:
	*(u64 *)(r10 - 8) = 5
	r0 = 5
	r1 = 6
	r0 = cmpxchg_64(r10 - 8, r0, r1)
	r0 = 0
	exit
	.size xdp_atomic_cmpxchg, .-xdp_atomic_cmpxchg
