; rtp_dead_branch_unknown.s - the same bad read behind a branch on a random value: both sides are explored.
; kernel: reject: invalid read from stack R10 off=8 size=8
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_dead_branch_unknown
	.type rtp_dead_branch_unknown, @function
rtp_dead_branch_unknown:
	call bpf_get_prandom_u32
	if r0 != 0 goto bad
	exit
bad:
	r0 = *(u64 *)(r10 + 8)
	exit
	.size rtp_dead_branch_unknown, .-rtp_dead_branch_unknown
