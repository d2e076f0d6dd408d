; tp_redirect.s - bpf_redirect from a tracepoint.
; kernel: reject: program of this type cannot use helper bpf_redirect#23
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_redirect
	.type tp_redirect, @function
tp_redirect:
	r1 = 1
	r2 = 0
	call bpf_redirect
	r0 = 0
	exit
	.size tp_redirect, .-tp_redirect
