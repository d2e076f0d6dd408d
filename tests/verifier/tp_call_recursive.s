; tp_call_recursive.s - a subprogram that calls itself: recursion is a back-edge.
; kernel: reject: the call stack of 9 frames is too deep
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_call_recursive
	.type tp_call_recursive, @function
tp_call_recursive:
	call f
	exit
	.size tp_call_recursive, .-tp_call_recursive
	.type f, @function
f:
	call f
	r0 = 0
	exit
	.size f, .-f
