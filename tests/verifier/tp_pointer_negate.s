; tp_pointer_negate.s - negates a pointer.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_pointer_negate
	.type tp_pointer_negate, @function
tp_pointer_negate:
	r1 = r10
	r1 = -r1
	r0 = 0
	exit
	.size tp_pointer_negate, .-tp_pointer_negate
