; tc_jump_before_start.s - jumps before the first instruction.
; kernel: reject: jump out of range from insn 1 to -1
	.license "GPL"
	.section tc
	.globl tc_jump_before_start
	.type tc_jump_before_start, @function
tc_jump_before_start:
	r0 = 0
	goto -3
	exit
	.size tc_jump_before_start, .-tc_jump_before_start
