; sock_ringbuf_output.s - copies 8 initialised stack bytes with bpf_ringbuf_output.
; kernel: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section socket
	.globl sock_ringbuf_output
	.type sock_ringbuf_output, @function
sock_ringbuf_output:
	*(u64 *)(r10 - 8) = 7
	r1 = rb ll
	r2 = r10
	r2 += -8
	r3 = 8
	r4 = 0
	call bpf_ringbuf_output
	r0 = 0
	exit
	.size sock_ringbuf_output, .-sock_ringbuf_output
