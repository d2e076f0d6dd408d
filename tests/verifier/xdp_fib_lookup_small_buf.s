; xdp_fib_lookup_small_buf.s - bpf_fib_lookup with a 16-byte buffer, smaller than struct bpf_fib_lookup (the size is checked when it runs, not by the verifier).
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_fib_lookup_small_buf
	.type xdp_fib_lookup_small_buf, @function
xdp_fib_lookup_small_buf:
	r6 = r1
	r2 = r10
	r2 += -16
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 8) = 0
	r3 = 16
	r4 = 0
	call bpf_fib_lookup
	r0 = 2
	exit
	.size xdp_fib_lookup_small_buf, .-xdp_fib_lookup_small_buf
