; kp_probe_read_var_size.s - the size is a random value masked to 0..7.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_var_size
	.type kp_probe_read_var_size, @function
kp_probe_read_var_size:
	call bpf_get_prandom_u32
	r2 = r0
	r2 &= 7
	r1 = r10
	r1 += -8
	r3 = 0
	call bpf_probe_read_kernel
	r0 = 0
	exit
	.size kp_probe_read_var_size, .-kp_probe_read_var_size
