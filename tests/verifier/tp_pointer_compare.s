; tp_pointer_compare.s - compares two stack pointers: allowed for root.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_pointer_compare
	.type tp_pointer_compare, @function
tp_pointer_compare:
	r1 = r10
	r2 = r10
	r2 += -8
	r0 = 0
	if r1 > r2 goto out
	r0 = 1
out:
	exit
	.size tp_pointer_compare, .-tp_pointer_compare
