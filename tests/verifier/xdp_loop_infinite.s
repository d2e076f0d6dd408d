; xdp_loop_infinite.s - a loop whose state never changes: an infinite loop.
; kernel: reject: infinite loop detected at insn 1
	.license "GPL"
	.section xdp
	.globl xdp_loop_infinite
	.type xdp_loop_infinite, @function
xdp_loop_infinite:
	r0 = 0
loop:
	if r0 == 0 goto loop
	exit
	.size xdp_loop_infinite, .-xdp_loop_infinite
