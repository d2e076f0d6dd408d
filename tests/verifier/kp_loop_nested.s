; kp_loop_nested.s - a bpf_loop callback runs a bpf_loop of its own.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_nested
	.type kp_loop_nested, @function
kp_loop_nested:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_nested, .-kp_loop_nested
	.type cb, @function
cb:
	r1 = 3
	r2 = cb2 ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size cb, .-cb
	.type cb2, @function
cb2:
	r0 = 1
	exit
	.size cb2, .-cb2
