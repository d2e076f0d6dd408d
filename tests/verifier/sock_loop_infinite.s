; sock_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section socket
	.globl sock_loop_infinite
	.type sock_loop_infinite, @function
sock_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size sock_loop_infinite, .-sock_loop_infinite
