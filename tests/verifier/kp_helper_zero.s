; kp_helper_zero.s - calls helper 0 (BPF_FUNC_unspec).
; kernel: reject: program of this type cannot use helper bpf_unspec#0
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_helper_zero
	.type kp_helper_zero, @function
kp_helper_zero:
	call 0
	r0 = 0
	exit
	.size kp_helper_zero, .-kp_helper_zero
