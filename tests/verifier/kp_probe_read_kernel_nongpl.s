; kp_probe_read_kernel_nongpl.s - bpf_probe_read_kernel (GPL-only) without a GPL license.
; kernel: reject: cannot call GPL-restricted function from non-GPL compatible program
	.license "Proprietary"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_kernel_nongpl
	.type kp_probe_read_kernel_nongpl, @function
kp_probe_read_kernel_nongpl:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size kp_probe_read_kernel_nongpl, .-kp_probe_read_kernel_nongpl
