; kp_loop_cb_helper_not_allowed.s - a kprobe's callback calls bpf_redirect: the program type's helper set applies inside callbacks too.
; kernel: reject: program of this type cannot use helper bpf_redirect#23
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_helper_not_allowed
	.type kp_loop_cb_helper_not_allowed, @function
kp_loop_cb_helper_not_allowed:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_helper_not_allowed, .-kp_loop_cb_helper_not_allowed
	.type cb, @function
cb:
	r1 = 1
	r2 = 0
	call bpf_redirect
	r0 = 0
	exit
	.size cb, .-cb
