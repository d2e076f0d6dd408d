; unpriv_ringbuf_reserve_submit.s - bpf_ringbuf_reserve, a NULL check, a store, bpf_ringbuf_submit.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section socket
	.globl unpriv_ringbuf_reserve_submit
	.type unpriv_ringbuf_reserve_submit, @function
unpriv_ringbuf_reserve_submit:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	r1 = 1
	*(u64 *)(r0 + 0) = r1
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size unpriv_ringbuf_reserve_submit, .-unpriv_ringbuf_reserve_submit
