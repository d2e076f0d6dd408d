; kp_dead_branch_ok.s - a branch that can never be taken (r0 is 0): reachable in the CFG, pruned; allowed.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_dead_branch_ok
	.type kp_dead_branch_ok, @function
kp_dead_branch_ok:
	r0 = 0
	if r0 != 0 goto bad
	exit
bad:
	r0 = *(u64 *)(r10 + 8)
	exit
	.size kp_dead_branch_ok, .-kp_dead_branch_ok
