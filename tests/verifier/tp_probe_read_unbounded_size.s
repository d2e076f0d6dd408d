; tp_probe_read_unbounded_size.s - the size is an unbounded random value.
; kernel: reject: R2 min value is negative, either use unsigned or 'var &= const'
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_probe_read_unbounded_size
	.type tp_probe_read_unbounded_size, @function
tp_probe_read_unbounded_size:
	call bpf_get_prandom_u32
	r2 = r0
	r1 = r10
	r1 += -8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size tp_probe_read_unbounded_size, .-tp_probe_read_unbounded_size
