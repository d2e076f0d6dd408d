; rtp_loop_w_counter.s - a loop counted in w1 (32-bit compare): bounded.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_w_counter
	.type rtp_loop_w_counter, @function
rtp_loop_w_counter:
	w1 = 0
loop:
	w1 += 1
	if w1 < 20 goto loop
	r0 = 0
	exit
	.size rtp_loop_w_counter, .-rtp_loop_w_counter
