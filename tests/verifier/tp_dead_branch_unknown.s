; tp_dead_branch_unknown.s - the same bad read behind a branch on a random value: both sides are explored.
; kernel: reject: invalid read from stack R10 off=8 size=8
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_dead_branch_unknown
	.type tp_dead_branch_unknown, @function
tp_dead_branch_unknown:
	call bpf_get_prandom_u32
	if r0 != 0 goto bad
	exit
bad:
	r0 = *(u64 *)(r10 + 8)
	exit
	.size tp_dead_branch_unknown, .-tp_dead_branch_unknown
