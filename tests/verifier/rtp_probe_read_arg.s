; rtp_probe_read_arg.s - follows args[1] with bpf_probe_read_kernel.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_probe_read_arg
	.type rtp_probe_read_arg, @function
rtp_probe_read_arg:
	r3 = *(u64 *)(r1 + 8)
	r1 = r10
	r1 += -8
	r2 = 8
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size rtp_probe_read_arg, .-rtp_probe_read_arg
