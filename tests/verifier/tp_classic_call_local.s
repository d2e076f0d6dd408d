; tp_classic_call_local.s - classic syntax: call local f, a subprogram.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_classic_call_local
	.type tp_classic_call_local, @function
tp_classic_call_local:
	call local f
	exit
	.size tp_classic_call_local, .-tp_classic_call_local
	.type f, @function
f:
	mov %r0, 0
	exit
	.size f, .-f
