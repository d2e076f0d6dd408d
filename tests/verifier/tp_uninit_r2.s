; tp_uninit_r2.s - reads r2, which no instruction wrote (only r1 and r10 start set).
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_uninit_r2
	.type tp_uninit_r2, @function
tp_uninit_r2:
	r0 = r2
	exit
	.size tp_uninit_r2, .-tp_uninit_r2
