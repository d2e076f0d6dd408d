; rtp_jump_out_of_range.s - jumps 5 instructions past the end of the program.
; kernel: reject: jump out of range from insn 1 to 7
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_jump_out_of_range
	.type rtp_jump_out_of_range, @function
rtp_jump_out_of_range:
	r0 = 0
	goto +5
	exit
	.size rtp_jump_out_of_range, .-rtp_jump_out_of_range
