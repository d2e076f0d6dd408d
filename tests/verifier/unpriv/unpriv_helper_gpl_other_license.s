; unpriv_helper_gpl_other_license.s - bpf_trace_printk from a program that is not GPL.
; kernel: reject: cannot call GPL-restricted function from non-GPL compatible program
; kernel-unpriv: reject: program of this type cannot use helper bpf_trace_printk#6
	.license "Proprietary"
	.section socket
	.globl unpriv_helper_gpl_other_license
	.type unpriv_helper_gpl_other_license, @function
unpriv_helper_gpl_other_license:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 0
	exit
	.size unpriv_helper_gpl_other_license, .-unpriv_helper_gpl_other_license
