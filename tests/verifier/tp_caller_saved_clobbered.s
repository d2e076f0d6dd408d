; tp_caller_saved_clobbered.s - a helper call scratches r1-r5: reading r1 after the call reads an unset register.
; kernel: reject: R1 !read_ok
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_caller_saved_clobbered
	.type tp_caller_saved_clobbered, @function
tp_caller_saved_clobbered:
	call bpf_ktime_get_ns
	r0 = r1
	exit
	.size tp_caller_saved_clobbered, .-tp_caller_saved_clobbered
