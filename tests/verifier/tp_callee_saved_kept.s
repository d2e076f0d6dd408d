; tp_callee_saved_kept.s - r6-r9 survive a helper call: r6 set before the call is read after it.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_callee_saved_kept
	.type tp_callee_saved_kept, @function
tp_callee_saved_kept:
	r6 = 7
	call bpf_ktime_get_ns
	r0 = r6
	exit
	.size tp_callee_saved_kept, .-tp_callee_saved_kept
