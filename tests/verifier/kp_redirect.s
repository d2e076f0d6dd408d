; kp_redirect.s - calls bpf_redirect, a networking helper.
; kernel: reject: program of this type cannot use helper bpf_redirect#23
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_redirect
	.type kp_redirect, @function
kp_redirect:
	r1 = 1
	r2 = 0
	call bpf_redirect
	exit
	.size kp_redirect, .-kp_redirect
