; tp_call_callee_reads_r6.s - the callee reads r6: callee-saved registers are not arguments, unset in the new frame.
; kernel: reject: R6 !read_ok
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_call_callee_reads_r6
	.type tp_call_callee_reads_r6, @function
tp_call_callee_reads_r6:
	r6 = 1
	call f
	r0 = 0
	exit
	.size tp_call_callee_reads_r6, .-tp_call_callee_reads_r6
	.type f, @function
f:
	r0 = r6
	exit
	.size f, .-f
