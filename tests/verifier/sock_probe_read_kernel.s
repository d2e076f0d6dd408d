; sock_probe_read_kernel.s - bpf_probe_read_kernel from a socket filter.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_probe_read_kernel
	.type sock_probe_read_kernel, @function
sock_probe_read_kernel:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size sock_probe_read_kernel, .-sock_probe_read_kernel
