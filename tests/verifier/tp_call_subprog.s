; tp_call_subprog.s - calls a subprogram that returns its argument plus one.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_call_subprog
	.type tp_call_subprog, @function
tp_call_subprog:
	r1 = 1
	call f
	exit
	.size tp_call_subprog, .-tp_call_subprog
	.type f, @function
f:
	r0 = r1
	r0 += 1
	exit
	.size f, .-f
