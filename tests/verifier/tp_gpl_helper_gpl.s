; tp_gpl_helper_gpl.s - the same bpf_trace_printk call with a GPL license: allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_gpl_helper_gpl
	.type tp_gpl_helper_gpl, @function
tp_gpl_helper_gpl:
	r1 = 0x0a6968
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 0
	exit
	.size tp_gpl_helper_gpl, .-tp_gpl_helper_gpl
