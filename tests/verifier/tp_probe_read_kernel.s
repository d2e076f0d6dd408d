; tp_probe_read_kernel.s - copies 8 bytes of kernel memory to the stack.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_probe_read_kernel
	.type tp_probe_read_kernel, @function
tp_probe_read_kernel:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size tp_probe_read_kernel, .-tp_probe_read_kernel
