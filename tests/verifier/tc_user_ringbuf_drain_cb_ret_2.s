; tc_user_ringbuf_drain_cb_ret_2.s - bpf_user_ringbuf_drain with a callback returning 2.
; kernel: reject: At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]
	.license "GPL"
	.map urb, user_ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_user_ringbuf_drain_cb_ret_2
	.type tc_user_ringbuf_drain_cb_ret_2, @function
tc_user_ringbuf_drain_cb_ret_2:
	r1 = urb ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_user_ringbuf_drain
	r0 = 0
	exit
	.size tc_user_ringbuf_drain_cb_ret_2, .-tc_user_ringbuf_drain_cb_ret_2
	.type cb, @function
cb:
	r0 = 2
	exit
	.size cb, .-cb
