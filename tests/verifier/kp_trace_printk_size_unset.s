; kp_trace_printk_size_unset.s - bpf_trace_printk without setting the size r2.
; kernel: reject: R2 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_trace_printk_size_unset
	.type kp_trace_printk_size_unset, @function
kp_trace_printk_size_unset:
	*(u64 *)(r10 - 8) = 0
	r1 = r10
	r1 += -8
	call bpf_trace_printk
	r0 = 0
	exit
	.size kp_trace_printk_size_unset, .-kp_trace_printk_size_unset
