; rtp_jump_into_lddw.s - a branch into the second half of a 64-bit immediate load.
; kernel: reject: jump into the middle of ldimm64 insn 2
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_jump_into_lddw
	.type rtp_jump_into_lddw, @function
rtp_jump_into_lddw:
	call bpf_get_prandom_u32
	if r0 == 0 goto +1
	r0 = 0x100000000 ll
	exit
	.size rtp_jump_into_lddw, .-rtp_jump_into_lddw
