; unpriv_helper_ringbuf_output.s - bpf_ringbuf_output of 8 stack bytes.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section socket
	.globl unpriv_helper_ringbuf_output
	.type unpriv_helper_ringbuf_output, @function
unpriv_helper_ringbuf_output:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r2 = r10
	r2 += -8
	r1 = rb ll
	r3 = 8
	r4 = 0
	call bpf_ringbuf_output
	r0 = 0
	exit
	.size unpriv_helper_ringbuf_output, .-unpriv_helper_ringbuf_output
