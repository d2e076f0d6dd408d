; unpriv_map_value_var_masked.s - map value + (x & 7), then a 1-byte read: bounded, masked.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_var_masked
	.type unpriv_map_value_var_masked, @function
unpriv_map_value_var_masked:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	r1 &= 7
	r0 += r1
	r0 = *(u8 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_var_masked, .-unpriv_map_value_var_masked
