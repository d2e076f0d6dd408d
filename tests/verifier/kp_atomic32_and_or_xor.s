; kp_atomic32_and_or_xor.s - 32-bit atomic and, or and xor on the stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_atomic32_and_or_xor
	.type kp_atomic32_and_or_xor, @function
kp_atomic32_and_or_xor:
	*(u32 *)(r10 - 4) = 0xff
	w1 = 0x0f
	lock *(u32 *)(r10 - 4) &= w1
	lock *(u32 *)(r10 - 4) |= w1
	lock *(u32 *)(r10 - 4) ^= w1
	r0 = 0
	exit
	.size kp_atomic32_and_or_xor, .-kp_atomic32_and_or_xor
