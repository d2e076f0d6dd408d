; kp_loop_flags_nonzero.s - bpf_loop with flags 1: the verifier does not check flags (the helper fails at run time with -EINVAL).
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_flags_nonzero
	.type kp_loop_flags_nonzero, @function
kp_loop_flags_nonzero:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 1
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_flags_nonzero, .-kp_loop_flags_nonzero
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
