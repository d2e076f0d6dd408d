; tc_map_value_as_key.s - uses a map value (8 bytes) as the key of another lookup.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.map h, hash, key=4, value=8, entries=16
	.section tc
	.globl tc_map_value_as_key
	.type tc_map_value_as_key, @function
tc_map_value_as_key:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r2 = r0
	r1 = h ll
	call bpf_map_lookup_elem
out:
	r0 = 0
	exit
	.size tc_map_value_as_key, .-tc_map_value_as_key
