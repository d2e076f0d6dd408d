; kp_loop_cb_uninit_r3.s - bpf_loop's callback gets two arguments: r3 is unset in its frame.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_uninit_r3
	.type kp_loop_cb_uninit_r3, @function
kp_loop_cb_uninit_r3:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_uninit_r3, .-kp_loop_cb_uninit_r3
	.type cb, @function
cb:
	r0 = r3
	exit
	.size cb, .-cb
