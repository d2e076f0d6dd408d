; unpriv_map_value_var_unused.s - map value + an unknown number, never dereferenced.
; kernel: reject: math between map_value pointer and register with unbounded min value is not allowed
; kernel-unpriv: reject: math between map_value pointer and register with unbounded min value is not allowed
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_var_unused
	.type unpriv_map_value_var_unused, @function
unpriv_map_value_var_unused:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	r0 += r1
out:
	r0 = 0
	exit
	.size unpriv_map_value_var_unused, .-unpriv_map_value_var_unused
