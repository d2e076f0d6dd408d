; unpriv_ret_map_value.s - returns a NULL-checked map value pointer.
; kernel: accept
; kernel-unpriv: reject: R0 leaks addr as return value
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_ret_map_value
	.type unpriv_ret_map_value, @function
unpriv_ret_map_value:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	exit
out:
	r0 = 0
	exit
	.size unpriv_ret_map_value, .-unpriv_ret_map_value
