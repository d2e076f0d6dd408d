; tp_get_stackid.s - bpf_get_stackid into a stack_trace map.
; kernel: accept
	.license "GPL"
	.map st, stack_trace, key=4, value=64, entries=16
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_get_stackid
	.type tp_get_stackid, @function
tp_get_stackid:
	r2 = st ll
	r3 = 0
	call bpf_get_stackid
	r0 = 0
	exit
	.size tp_get_stackid, .-tp_get_stackid
