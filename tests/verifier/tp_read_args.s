; tp_read_args.s - reads the syscall number (offset 8) and first argument (offset 16).
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_read_args
	.type tp_read_args, @function
tp_read_args:
	r2 = *(u64 *)(r1 + 8)
	r3 = *(u64 *)(r1 + 16)
	r0 = 0
	exit
	.size tp_read_args, .-tp_read_args
