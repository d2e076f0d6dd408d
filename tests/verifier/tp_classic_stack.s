; tp_classic_stack.s - classic syntax: stores and loads a stack slot.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_classic_stack
	.type tp_classic_stack, @function
tp_classic_stack:
	stdw [%r10-8], 3
	ldxdw %r0, [%r10-8]
	exit
	.size tp_classic_stack, .-tp_classic_stack
