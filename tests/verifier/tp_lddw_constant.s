; tp_lddw_constant.s - a 64-bit constant load and a shift back to the high half.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_lddw_constant
	.type tp_lddw_constant, @function
tp_lddw_constant:
	r0 = 0x1122334455667788 ll
	r0 >>= 32
	exit
	.size tp_lddw_constant, .-tp_lddw_constant
