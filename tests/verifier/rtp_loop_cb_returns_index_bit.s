; rtp_loop_cb_returns_index_bit.s - the callback returns index & 1: 0 or 1, in range.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_cb_returns_index_bit
	.type rtp_loop_cb_returns_index_bit, @function
rtp_loop_cb_returns_index_bit:
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size rtp_loop_cb_returns_index_bit, .-rtp_loop_cb_returns_index_bit
	.type cb, @function
cb:
	r0 = r1
	r0 &= 1
	exit
	.size cb, .-cb
