; kp_atomic_fetch_add.s - fetch-and-add returns the old value in the source register.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_atomic_fetch_add
	.type kp_atomic_fetch_add, @function
kp_atomic_fetch_add:
	*(u64 *)(r10 - 8) = 5
	r1 = 1
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r0 = r1
	exit
	.size kp_atomic_fetch_add, .-kp_atomic_fetch_add
