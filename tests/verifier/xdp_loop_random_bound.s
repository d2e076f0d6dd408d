; xdp_loop_random_bound.s - a loop bounded by a random value masked to 0..15: finite, the verifier walks it.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_loop_random_bound
	.type xdp_loop_random_bound, @function
xdp_loop_random_bound:
	call bpf_get_prandom_u32
	r0 &= 15
	r1 = 0
loop:
	r1 += 1
	if r1 < r0 goto loop
	r0 = 0
	exit
	.size xdp_loop_random_bound, .-xdp_loop_random_bound
