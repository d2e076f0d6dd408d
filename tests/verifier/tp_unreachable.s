; tp_unreachable.s - code after exit that no jump reaches.
; kernel: reject: unreachable insn 2
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_unreachable
	.type tp_unreachable, @function
tp_unreachable:
	r0 = 0
	exit
	r0 = 1
	exit
	.size tp_unreachable, .-tp_unreachable
