; sock_loop_random_bound.s - a loop bounded by a random value masked to 0..15: finite, the verifier walks it.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_loop_random_bound
	.type sock_loop_random_bound, @function
sock_loop_random_bound:
	call bpf_get_prandom_u32
	r0 &= 15
	r1 = 0
loop:
	r1 += 1
	if r1 < r0 goto loop
	r0 = 0
	exit
	.size sock_loop_random_bound, .-sock_loop_random_bound
