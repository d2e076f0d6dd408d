; rtp_probe_read_kernel.s - copies 8 bytes of kernel memory to the stack.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_probe_read_kernel
	.type rtp_probe_read_kernel, @function
rtp_probe_read_kernel:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size rtp_probe_read_kernel, .-rtp_probe_read_kernel
