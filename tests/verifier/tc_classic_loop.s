; tc_classic_loop.s - classic syntax: a loop of 4 iterations with jlt back.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_classic_loop
	.type tc_classic_loop, @function
tc_classic_loop:
	mov %r1, 0
loop:
	add %r1, 1
	jlt %r1, 4, loop
	mov %r0, 0
	exit
	.size tc_classic_loop, .-tc_classic_loop
