; tp_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_infinite
	.type tp_loop_infinite, @function
tp_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size tp_loop_infinite, .-tp_loop_infinite
