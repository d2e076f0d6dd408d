; unpriv_atomic_ptr_into_map.s - atomically adds the frame pointer to a map value.
; kernel: accept
; kernel-unpriv: reject: R10 leaks addr into mem
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_atomic_ptr_into_map
	.type unpriv_atomic_ptr_into_map, @function
unpriv_atomic_ptr_into_map:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	lock *(u64 *)(r0 + 0) += r10
out:
	r0 = 0
	exit
	.size unpriv_atomic_ptr_into_map, .-unpriv_atomic_ptr_into_map
