; rtp_smod_imm_zero.s - signed modulo by the constant 0 (v4 smod).
; kernel: reject: div by zero
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_smod_imm_zero
	.type rtp_smod_imm_zero, @function
rtp_smod_imm_zero:
	r0 = 7
	r0 s%= 0
	exit
	.size rtp_smod_imm_zero, .-rtp_smod_imm_zero
