; kp_loop_cb_ringbuf_leak.s - the callback reserves ring buffer space and returns without submitting it.
; kernel: reject: BPF_EXIT instruction in main prog would lead to reference leak
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_ringbuf_leak
	.type kp_loop_cb_ringbuf_leak, @function
kp_loop_cb_ringbuf_leak:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size kp_loop_cb_ringbuf_leak, .-kp_loop_cb_ringbuf_leak
	.type cb, @function
cb:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r0 = 0
	exit
out:
	r0 = 0
	exit
	.size cb, .-cb
