; kp_loop_cb_func_offset.s - bpf_loop's callback argument is the callback's address plus 8.
; kernel: reject: dereference of modified func ptr R2 off=8 disallowed
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_func_offset
	.type kp_loop_cb_func_offset, @function
kp_loop_cb_func_offset:
	r1 = 10
	r2 = cb ll
	r2 += 8
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_func_offset, .-kp_loop_cb_func_offset
	.type cb, @function
cb:
	r0 = 0
	r0 = 0
	r0 = 0
	exit
	.size cb, .-cb
