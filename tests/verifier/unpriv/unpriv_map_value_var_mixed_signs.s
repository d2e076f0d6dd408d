; unpriv_map_value_var_mixed_signs.s - map value + x with -4 <= x <= 4 checked: the offset has mixed signs.
; kernel: reject: R0 unbounded memory access, make sure to bounds check any such access
; kernel-unpriv: reject: R1 has unknown scalar with mixed signed bounds, pointer arithmetic with it prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_var_mixed_signs
	.type unpriv_map_value_var_mixed_signs, @function
unpriv_map_value_var_mixed_signs:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	if r1 s> 4 goto out
	if r1 s< -4 goto out
	r0 += 4
	r0 += r1
	r0 = *(u8 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_var_mixed_signs, .-unpriv_map_value_var_mixed_signs
