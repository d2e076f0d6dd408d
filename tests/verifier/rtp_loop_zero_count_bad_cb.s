; rtp_loop_zero_count_bad_cb.s - bpf_loop with a count of 0: the callback is never walked, so its read of r3 (unset) goes unnoticed.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_zero_count_bad_cb
	.type rtp_loop_zero_count_bad_cb, @function
rtp_loop_zero_count_bad_cb:
	r1 = 0
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size rtp_loop_zero_count_bad_cb, .-rtp_loop_zero_count_bad_cb
	.type cb, @function
cb:
	r0 = r3
	exit
	.size cb, .-cb
