; tc_r10_copy_moves.s - moves a copy of r10 instead: allowed, the copy points to stack.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_r10_copy_moves
	.type tc_r10_copy_moves, @function
tc_r10_copy_moves:
	r1 = r10
	r1 += -8
	*(u64 *)(r1 + 0) = 0
	r0 = *(u64 *)(r1 + 0)
	exit
	.size tc_r10_copy_moves, .-tc_r10_copy_moves
