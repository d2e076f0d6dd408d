; sock_trace_printk_uninit_fmt.s - bpf_trace_printk of a format on uninitialised stack. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section socket
	.globl sock_trace_printk_uninit_fmt
	.type sock_trace_printk_uninit_fmt, @function
sock_trace_printk_uninit_fmt:
	r1 = r10
	r1 += -8
	r2 = 8
	call bpf_trace_printk
	r0 = 0
	exit
	.size sock_trace_printk_uninit_fmt, .-sock_trace_printk_uninit_fmt
