; unpriv_store_scalar_into_map.s - stores a number into a map value: fine for anyone.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_store_scalar_into_map
	.type unpriv_store_scalar_into_map, @function
unpriv_store_scalar_into_map:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = 42
	*(u64 *)(r0 + 0) = r1
out:
	r0 = 0
	exit
	.size unpriv_store_scalar_into_map, .-unpriv_store_scalar_into_map
