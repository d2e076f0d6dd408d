; tp_probe_read_kernel_nongpl.s - bpf_probe_read_kernel (GPL-only) without a GPL license.
; kernel: reject: cannot call GPL-restricted function from non-GPL compatible program
	.license "Proprietary"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_probe_read_kernel_nongpl
	.type tp_probe_read_kernel_nongpl, @function
tp_probe_read_kernel_nongpl:
	r1 = r10
	r1 += -8
	r2 = 8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size tp_probe_read_kernel_nongpl, .-tp_probe_read_kernel_nongpl
