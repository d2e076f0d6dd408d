; unpriv_helper_trace_printk.s - bpf_trace_printk of a 4-byte string on the stack.
; kernel: accept
; kernel-unpriv: reject: program of this type cannot use helper bpf_trace_printk#6
	.license "GPL"
	.section socket
	.globl unpriv_helper_trace_printk
	.type unpriv_helper_trace_printk, @function
unpriv_helper_trace_printk:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 0
	exit
	.size unpriv_helper_trace_printk, .-unpriv_helper_trace_printk
