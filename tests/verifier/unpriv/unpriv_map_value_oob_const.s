; unpriv_map_value_oob_const.s - adds 100 to a pointer to an 8-byte map value without touching memory there.
; kernel: accept
; kernel-unpriv: reject: R0 pointer arithmetic of map value goes out of range, prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_oob_const
	.type unpriv_map_value_oob_const, @function
unpriv_map_value_oob_const:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 += 100
out:
	r0 = 0
	exit
	.size unpriv_map_value_oob_const, .-unpriv_map_value_oob_const
