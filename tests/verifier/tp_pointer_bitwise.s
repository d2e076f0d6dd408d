; tp_pointer_bitwise.s - ORs a stack pointer with a constant.
; kernel: reject: R1 bitwise operator |= on pointer prohibited
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_pointer_bitwise
	.type tp_pointer_bitwise, @function
tp_pointer_bitwise:
	r1 = r10
	r1 |= 1
	r0 = 0
	exit
	.size tp_pointer_bitwise, .-tp_pointer_bitwise
