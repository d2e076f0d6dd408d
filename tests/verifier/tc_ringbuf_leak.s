; tc_ringbuf_leak.s - reserves ringbuf memory and exits without submit or discard.
; kernel: reject: BPF_EXIT instruction in main prog would lead to reference leak
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_ringbuf_leak
	.type tc_ringbuf_leak, @function
tc_ringbuf_leak:
	r1 = rb ll
	r2 = 8
	r3 = 0
	call bpf_ringbuf_reserve
	r0 = 0
	exit
	.size tc_ringbuf_leak, .-tc_ringbuf_leak
