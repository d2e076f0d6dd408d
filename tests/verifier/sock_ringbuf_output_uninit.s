; sock_ringbuf_output_uninit.s - bpf_ringbuf_output of 16 bytes of which 8 are unset. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section socket
	.globl sock_ringbuf_output_uninit
	.type sock_ringbuf_output_uninit, @function
sock_ringbuf_output_uninit:
	*(u64 *)(r10 - 8) = 7
	r1 = rb ll
	r2 = r10
	r2 += -16
	r3 = 16
	r4 = 0
	call bpf_ringbuf_output
	r0 = 0
	exit
	.size sock_ringbuf_output_uninit, .-sock_ringbuf_output_uninit
