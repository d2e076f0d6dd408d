; tp_dead_branch_ok.s - a branch that can never be taken (r0 is 0): reachable in the CFG, pruned; allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_dead_branch_ok
	.type tp_dead_branch_ok, @function
tp_dead_branch_ok:
	r0 = 0
	if r0 != 0 goto bad
	exit
bad:
	r0 = *(u64 *)(r10 + 8)
	exit
	.size tp_dead_branch_ok, .-tp_dead_branch_ok
