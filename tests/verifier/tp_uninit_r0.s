; tp_uninit_r0.s - exit without writing r0: the return value is uninitialised.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_uninit_r0
	.type tp_uninit_r0, @function
tp_uninit_r0:
	exit
	.size tp_uninit_r0, .-tp_uninit_r0
