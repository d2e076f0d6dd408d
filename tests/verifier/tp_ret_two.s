; tp_ret_two.s - a tracepoint returning 2: not range-checked.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ret_two
	.type tp_ret_two, @function
tp_ret_two:
	r0 = 2
	exit
	.size tp_ret_two, .-tp_ret_two
