; xdp_jump_out_of_range.s - jumps 5 instructions past the end of the program.
; kernel: reject: jump out of range from insn 1 to 7
	.license "GPL"
	.section xdp
	.globl xdp_jump_out_of_range
	.type xdp_jump_out_of_range, @function
xdp_jump_out_of_range:
	r0 = 0
	goto +5
	exit
	.size xdp_jump_out_of_range, .-xdp_jump_out_of_range
