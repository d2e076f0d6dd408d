; xdp_map_null_check_on_copy.s - checks a copy of the result for NULL: the original is refined too (same id).
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section xdp
	.globl xdp_map_null_check_on_copy
	.type xdp_map_null_check_on_copy, @function
xdp_map_null_check_on_copy:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	r6 = r0
	if r6 == 0 goto out
	r0 = *(u64 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size xdp_map_null_check_on_copy, .-xdp_map_null_check_on_copy
