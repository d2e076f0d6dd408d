; unpriv_ringbuf_store_ptr.s - stores the frame pointer into a ring buffer reservation.
; kernel: accept
; kernel-unpriv: reject: R10 leaks addr into mem
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section socket
	.globl unpriv_ringbuf_store_ptr
	.type unpriv_ringbuf_store_ptr, @function
unpriv_ringbuf_store_ptr:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r10
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size unpriv_ringbuf_store_ptr, .-unpriv_ringbuf_store_ptr
