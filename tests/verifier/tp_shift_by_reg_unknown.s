; tp_shift_by_reg_unknown.s - shifts by a random register amount: the result is unknown, allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_shift_by_reg_unknown
	.type tp_shift_by_reg_unknown, @function
tp_shift_by_reg_unknown:
	call bpf_get_prandom_u32
	r1 = 1
	r1 <<= r0
	r0 = 0
	exit
	.size tp_shift_by_reg_unknown, .-tp_shift_by_reg_unknown
