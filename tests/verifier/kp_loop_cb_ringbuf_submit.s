; kp_loop_cb_ringbuf_submit.s - the callback reserves ring buffer space and submits it.
; kernel: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_ringbuf_submit
	.type kp_loop_cb_ringbuf_submit, @function
kp_loop_cb_ringbuf_submit:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_ringbuf_submit, .-kp_loop_cb_ringbuf_submit
	.type cb, @function
cb:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size cb, .-cb
