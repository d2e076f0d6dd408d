; tp_ringbuf_write_oob.s - writes 8 bytes at offset 8 of an 8-byte reservation.
; kernel: reject: R0 min value is outside of the allowed memory range
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ringbuf_write_oob
	.type tp_ringbuf_write_oob, @function
tp_ringbuf_write_oob:
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
	.size tp_ringbuf_write_oob, .-tp_ringbuf_write_oob
