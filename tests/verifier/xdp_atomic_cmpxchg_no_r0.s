; xdp_atomic_cmpxchg_no_r0.s - compare-and-exchange without setting r0 (the comparand).
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section xdp
	.globl xdp_atomic_cmpxchg_no_r0
	.type xdp_atomic_cmpxchg_no_r0, @function
xdp_atomic_cmpxchg_no_r0:
	*(u64 *)(r10 - 8) = 5
	r1 = 6
	r0 = cmpxchg_64(r10 - 8, r0, r1)
	r0 = 0
	exit
	.size xdp_atomic_cmpxchg_no_r0, .-xdp_atomic_cmpxchg_no_r0
