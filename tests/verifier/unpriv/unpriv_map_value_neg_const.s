; unpriv_map_value_neg_const.s - subtracts 8 from a map value pointer without touching memory.
; kernel: accept
; kernel-unpriv: reject: R0 pointer arithmetic of map value goes out of range, prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_neg_const
	.type unpriv_map_value_neg_const, @function
unpriv_map_value_neg_const:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 += -8
out:
	r0 = 0
	exit
	.size unpriv_map_value_neg_const, .-unpriv_map_value_neg_const
