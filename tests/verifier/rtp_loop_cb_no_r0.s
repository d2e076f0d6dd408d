; rtp_loop_cb_no_r0.s - the callback exits without setting r0.
; kernel: reject: R0 not a scalar value
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_cb_no_r0
	.type rtp_loop_cb_no_r0, @function
rtp_loop_cb_no_r0:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size rtp_loop_cb_no_r0, .-rtp_loop_cb_no_r0
	.type cb, @function
cb:
	r1 = 0
	exit
	.size cb, .-cb
