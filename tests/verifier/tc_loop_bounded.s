; tc_loop_bounded.s - a loop of 10 iterations: the verifier walks it to the end.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_loop_bounded
	.type tc_loop_bounded, @function
tc_loop_bounded:
	r1 = 0
	r0 = 0
loop:
	r0 += r1
	r1 += 1
	if r1 < 10 goto loop
	r0 = 0
	exit
	.size tc_loop_bounded, .-tc_loop_bounded
