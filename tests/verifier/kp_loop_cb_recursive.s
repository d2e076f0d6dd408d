; kp_loop_cb_recursive.s - the callback passes itself to bpf_loop: every run adds a frame until there are 9.
; kernel: reject: the call stack of 9 frames is too deep
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_recursive
	.type kp_loop_cb_recursive, @function
kp_loop_cb_recursive:
	r1 = 4
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_recursive, .-kp_loop_cb_recursive
	.type cb, @function
cb:
	r1 = 2
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size cb, .-cb
