; tp_probe_read_size_zero.s - bpf_probe_read_kernel with size 0: a zero size is allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_probe_read_size_zero
	.type tp_probe_read_size_zero, @function
tp_probe_read_size_zero:
	r1 = r10
	r1 += -8
	r2 = 0
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size tp_probe_read_size_zero, .-tp_probe_read_size_zero
