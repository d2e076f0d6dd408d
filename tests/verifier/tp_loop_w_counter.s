; tp_loop_w_counter.s - a loop counted in w1 (32-bit compare): bounded.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_loop_w_counter
	.type tp_loop_w_counter, @function
tp_loop_w_counter:
	w1 = 0
loop:
	w1 += 1
	if w1 < 20 goto loop
	r0 = 0
	exit
	.size tp_loop_w_counter, .-tp_loop_w_counter
