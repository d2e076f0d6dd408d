; unpriv_store_value_ptr_into_itself.s - stores a map value pointer into the value.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr into map
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_store_value_ptr_into_itself
	.type unpriv_store_value_ptr_into_itself, @function
unpriv_store_value_ptr_into_itself:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r0
out:
	r0 = 0
	exit
	.size unpriv_store_value_ptr_into_itself, .-unpriv_store_value_ptr_into_itself
