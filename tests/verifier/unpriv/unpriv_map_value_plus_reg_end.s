; unpriv_map_value_plus_reg_end.s - moves a map value pointer by a register holding 8: one past the 8-byte value.
; kernel: accept
; kernel-unpriv: reject: R0 pointer arithmetic of map value goes out of range, prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_plus_reg_end
	.type unpriv_map_value_plus_reg_end, @function
unpriv_map_value_plus_reg_end:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = 8
	r0 += r1
out:
	r0 = 0
	exit
	.size unpriv_map_value_plus_reg_end, .-unpriv_map_value_plus_reg_end
