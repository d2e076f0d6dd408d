; kp_probe_read_arg.s - bpf_probe_read_kernel of 8 bytes at the first argument.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_arg
	.type kp_probe_read_arg, @function
kp_probe_read_arg:
	r3 = *(u64 *)(r1 + 112)
	r1 = r10
	r1 += -8
	r2 = 8
	call bpf_probe_read_kernel
	r0 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
	.size kp_probe_read_arg, .-kp_probe_read_arg
