; rtp_ringbuf_write_oob.s - writes 8 bytes at offset 8 of an 8-byte reservation.
; kernel: reject: R0 min value is outside of the allowed memory range
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section raw_tracepoint/sys_enter
	.globl rtp_ringbuf_write_oob
	.type rtp_ringbuf_write_oob, @function
rtp_ringbuf_write_oob:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	if r0 == 0 goto out
	*(u64 *)(r0 + 8) = 1
	r1 = r0
	r2 = 0
	call bpf_ringbuf_submit
out:
	r0 = 0
	exit
	.size rtp_ringbuf_write_oob, .-rtp_ringbuf_write_oob
