; tp_r10_write.s - assigns r10, the read-only frame pointer.
; kernel: reject: frame pointer is read only
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_r10_write
	.type tp_r10_write, @function
tp_r10_write:
	r10 = 0
	r0 = 0
	exit
	.size tp_r10_write, .-tp_r10_write
