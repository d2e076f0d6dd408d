; kp_loop_cb_ret_2.s - the callback returns 2: callbacks return 0 or 1.
; kernel: reject: At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_ret_2
	.type kp_loop_cb_ret_2, @function
kp_loop_cb_ret_2:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_ret_2, .-kp_loop_cb_ret_2
	.type cb, @function
cb:
	r0 = 2
	exit
	.size cb, .-cb
