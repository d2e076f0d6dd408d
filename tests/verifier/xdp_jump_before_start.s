; xdp_jump_before_start.s - jumps before the first instruction.
; kernel: reject: jump out of range from insn 1 to -1
	.license "GPL"
	.section xdp
	.globl xdp_jump_before_start
	.type xdp_jump_before_start, @function
xdp_jump_before_start:
	r0 = 0
	goto -3
	exit
	.size xdp_jump_before_start, .-xdp_jump_before_start
