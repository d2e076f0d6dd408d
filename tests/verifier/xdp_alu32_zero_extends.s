; xdp_alu32_zero_extends.s - w0 = -1 clears the upper half: r0 >> 32 is known 0, used as a stack offset.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_alu32_zero_extends
	.type xdp_alu32_zero_extends, @function
xdp_alu32_zero_extends:
	*(u64 *)(r10 - 8) = 0
	w0 = -1
	r0 >>= 32
	r1 = r10
	r1 += -8
	r1 += r0
	r0 = *(u64 *)(r1 + 0)
	exit
	.size xdp_alu32_zero_extends, .-xdp_alu32_zero_extends
