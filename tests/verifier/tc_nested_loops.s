; tc_nested_loops.s - two nested loops of 8 iterations each.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_nested_loops
	.type tc_nested_loops, @function
tc_nested_loops:
	r1 = 0
	r0 = 0
outer:
	r2 = 0
inner:
	r0 += 1
	r2 += 1
	if r2 < 8 goto inner
	r1 += 1
	if r1 < 8 goto outer
	r0 = 0
	exit
	.size tc_nested_loops, .-tc_nested_loops
