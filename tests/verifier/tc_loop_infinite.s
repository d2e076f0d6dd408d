; tc_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section tc
	.globl tc_loop_infinite
	.type tc_loop_infinite, @function
tc_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size tc_loop_infinite, .-tc_loop_infinite
