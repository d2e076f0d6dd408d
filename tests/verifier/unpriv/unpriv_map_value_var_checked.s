; unpriv_map_value_var_checked.s - map value + x after checking x < 8 (unsigned).
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_var_checked
	.type unpriv_map_value_var_checked, @function
unpriv_map_value_var_checked:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	if r1 > 7 goto out
	r0 += r1
	r0 = *(u8 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_var_checked, .-unpriv_map_value_var_checked
