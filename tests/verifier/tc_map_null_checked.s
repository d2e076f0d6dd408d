; tc_map_null_checked.s - compares the hash lookup result with 0, then reads the value.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tc
	.globl tc_map_null_checked
	.type tc_map_null_checked, @function
tc_map_null_checked:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u64 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size tc_map_null_checked, .-tc_map_null_checked
