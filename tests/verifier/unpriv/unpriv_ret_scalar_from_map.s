; unpriv_ret_scalar_from_map.s - returns a number read from a map value: no leak.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_ret_scalar_from_map
	.type unpriv_ret_scalar_from_map, @function
unpriv_ret_scalar_from_map:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u64 *)(r0 + 0)
	exit
out:
	r0 = 0
	exit
	.size unpriv_ret_scalar_from_map, .-unpriv_ret_scalar_from_map
