; unpriv_store_fp_into_map.s - stores the frame pointer into a map value.
; kernel: accept
; kernel-unpriv: reject: R10 leaks addr into map
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_store_fp_into_map
	.type unpriv_store_fp_into_map, @function
unpriv_store_fp_into_map:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r10
out:
	r0 = 0
	exit
	.size unpriv_store_fp_into_map, .-unpriv_store_fp_into_map
