; kp_loop_nested_bad_ret.s - the inner callback of nested bpf_loops returns 3.
; kernel: reject: At callback return the register R0 has smin=3 smax=3 should have been in [0, 1]
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_nested_bad_ret
	.type kp_loop_nested_bad_ret, @function
kp_loop_nested_bad_ret:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_nested_bad_ret, .-kp_loop_nested_bad_ret
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
	r0 = 3
	exit
	.size cb2, .-cb2
