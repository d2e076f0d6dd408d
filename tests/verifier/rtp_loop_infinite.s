; rtp_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_loop_infinite
	.type rtp_loop_infinite, @function
rtp_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size rtp_loop_infinite, .-rtp_loop_infinite
