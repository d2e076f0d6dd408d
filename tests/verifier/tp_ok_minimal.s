; tp_ok_minimal.s - the smallest valid program: r0 = 0, exit.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ok_minimal
	.type tp_ok_minimal, @function
tp_ok_minimal:
	r0 = 0
	exit
	.size tp_ok_minimal, .-tp_ok_minimal
