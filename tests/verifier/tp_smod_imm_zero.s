; tp_smod_imm_zero.s - signed modulo by the constant 0 (v4 smod).
; kernel: reject: div by zero
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_smod_imm_zero
	.type tp_smod_imm_zero, @function
tp_smod_imm_zero:
	r0 = 7
	r0 s%= 0
	exit
	.size tp_smod_imm_zero, .-tp_smod_imm_zero
