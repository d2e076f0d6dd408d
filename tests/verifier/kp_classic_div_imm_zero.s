; kp_classic_div_imm_zero.s - classic syntax: div by the constant 0.
; kernel: reject: div by zero
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_classic_div_imm_zero
	.type kp_classic_div_imm_zero, @function
kp_classic_div_imm_zero:
	mov %r0, 1
	div %r0, 0
	exit
	.size kp_classic_div_imm_zero, .-kp_classic_div_imm_zero
