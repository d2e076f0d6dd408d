; rtp_map_null_wrong_branch.s - dereferences on the branch where the result IS NULL.
; kernel: reject: R0 invalid mem access 'scalar'
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section raw_tracepoint/sys_enter
	.globl rtp_map_null_wrong_branch
	.type rtp_map_null_wrong_branch, @function
rtp_map_null_wrong_branch:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	if r0 != 0 goto out
	r0 = *(u64 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size rtp_map_null_wrong_branch, .-rtp_map_null_wrong_branch
