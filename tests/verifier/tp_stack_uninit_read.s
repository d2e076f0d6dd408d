; tp_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_uninit_read
	.type tp_stack_uninit_read, @function
tp_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tp_stack_uninit_read, .-tp_stack_uninit_read
