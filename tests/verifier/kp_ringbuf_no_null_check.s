; kp_ringbuf_no_null_check.s - writes reserved memory without the NULL check.
; kernel: reject: R0 invalid mem access 'ringbuf_mem_or_null'
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section kprobe/do_nanosleep
	.globl kp_ringbuf_no_null_check
	.type kp_ringbuf_no_null_check, @function
kp_ringbuf_no_null_check:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	*(u64 *)(r0 + 0) = 1
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
	r0 = 0
	exit
	.size kp_ringbuf_no_null_check, .-kp_ringbuf_no_null_check
