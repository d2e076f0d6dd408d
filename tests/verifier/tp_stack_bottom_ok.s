; tp_stack_bottom_ok.s - stores at r10 - 512, the last slot of the frame: allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_bottom_ok
	.type tp_stack_bottom_ok, @function
tp_stack_bottom_ok:
	r1 = 0
	*(u64 *)(r10 - 512) = r1
	r0 = 0
	exit
	.size tp_stack_bottom_ok, .-tp_stack_bottom_ok
