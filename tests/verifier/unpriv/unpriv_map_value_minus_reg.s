; unpriv_map_value_minus_reg.s - subtracts a masked register from a map value pointer moved to its end.
; kernel: accept
; kernel-unpriv: reject: R0 pointer arithmetic of map value goes out of range, prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_minus_reg
	.type unpriv_map_value_minus_reg, @function
unpriv_map_value_minus_reg:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	r1 &= 7
	r0 += 7
	r0 -= r1
out:
	r0 = 0
	exit
	.size unpriv_map_value_minus_reg, .-unpriv_map_value_minus_reg
