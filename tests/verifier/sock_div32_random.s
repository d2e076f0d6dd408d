; sock_div32_random.s - 32-bit division of a random value by a random divisor.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_div32_random
	.type sock_div32_random, @function
sock_div32_random:
	call bpf_get_prandom_u32
	r6 = r0
	call bpf_get_prandom_u32
	w6 /= w0
	w6 %= w0
	r0 = r6
	exit
	.size sock_div32_random, .-sock_div32_random
