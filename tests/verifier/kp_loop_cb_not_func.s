; kp_loop_cb_not_func.s - bpf_loop's callback argument is the number 0.
; kernel: reject: R2 type=scalar expected=func
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_not_func
	.type kp_loop_cb_not_func, @function
kp_loop_cb_not_func:
	r1 = 10
	r2 = 0
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_not_func, .-kp_loop_cb_not_func
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
