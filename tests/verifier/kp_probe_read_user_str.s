; kp_probe_read_user_str.s - bpf_probe_read_user_str into 32 bytes of stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_probe_read_user_str
	.type kp_probe_read_user_str, @function
kp_probe_read_user_str:
	r3 = *(u64 *)(r1 + 112)
	r1 = r10
	r1 += -32
	r2 = 32
	call bpf_probe_read_user_str
	r0 = 0
	exit
	.size kp_probe_read_user_str, .-kp_probe_read_user_str
