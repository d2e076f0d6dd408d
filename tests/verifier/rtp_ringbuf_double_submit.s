; rtp_ringbuf_double_submit.s - submits the same reservation twice.
; kernel: reject: R1 type=scalar expected=ringbuf_mem
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section raw_tracepoint/sys_enter
	.globl rtp_ringbuf_double_submit
	.type rtp_ringbuf_double_submit, @function
rtp_ringbuf_double_submit:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r6 = r0
	r1 = r6
	r2 = 0
	call bpf_ringbuf_submit
	r1 = r6
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size rtp_ringbuf_double_submit, .-rtp_ringbuf_double_submit
