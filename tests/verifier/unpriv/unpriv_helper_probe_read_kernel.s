; unpriv_helper_probe_read_kernel.s - bpf_probe_read_kernel into the stack.
; kernel: accept
; kernel-unpriv: reject: program of this type cannot use helper bpf_probe_read_kernel#113
	.license "GPL"
	.section socket
	.globl unpriv_helper_probe_read_kernel
	.type unpriv_helper_probe_read_kernel, @function
unpriv_helper_probe_read_kernel:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size unpriv_helper_probe_read_kernel, .-unpriv_helper_probe_read_kernel
