; kp_probe_read_kernel.s - copies 8 bytes of kernel memory to the stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_kernel
	.type kp_probe_read_kernel, @function
kp_probe_read_kernel:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size kp_probe_read_kernel, .-kp_probe_read_kernel
