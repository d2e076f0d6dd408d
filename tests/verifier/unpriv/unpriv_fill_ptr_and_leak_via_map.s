; unpriv_fill_ptr_and_leak_via_map.s - spills the context, fills it and stores it into a map value.
; kernel: accept
; kernel-unpriv: reject: R1 leaks addr into map
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_fill_ptr_and_leak_via_map
	.type unpriv_fill_ptr_and_leak_via_map, @function
unpriv_fill_ptr_and_leak_via_map:
	*(u64 *)(r10 - 16) = r1
	
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r10 - 16)
	*(u64 *)(r0 + 0) = r1
out:
	r0 = 0
	exit
	.size unpriv_fill_ptr_and_leak_via_map, .-unpriv_fill_ptr_and_leak_via_map
