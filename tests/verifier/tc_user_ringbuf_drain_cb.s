; tc_user_ringbuf_drain_cb.s - bpf_user_ringbuf_drain with a callback returning 0.
; kernel: accept
	.license "GPL"
	.map urb, user_ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_user_ringbuf_drain_cb
	.type tc_user_ringbuf_drain_cb, @function
tc_user_ringbuf_drain_cb:
	r1 = urb ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_user_ringbuf_drain
	r0 = 0
	exit
	.size tc_user_ringbuf_drain_cb, .-tc_user_ringbuf_drain_cb
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
