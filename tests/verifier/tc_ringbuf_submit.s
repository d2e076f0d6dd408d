; tc_ringbuf_submit.s - reserves, checks for NULL, writes and submits.
; kernel: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_ringbuf_submit
	.type tc_ringbuf_submit, @function
tc_ringbuf_submit:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = 1
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size tc_ringbuf_submit, .-tc_ringbuf_submit
