; kp_div32_random.s - 32-bit division of a random value by a random divisor.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_div32_random
	.type kp_div32_random, @function
kp_div32_random:
	call bpf_get_prandom_u32
	r6 = r0
	call bpf_get_prandom_u32
	w6 /= w0
	w6 %= w0
	r0 = r6
	exit
	.size kp_div32_random, .-kp_div32_random
