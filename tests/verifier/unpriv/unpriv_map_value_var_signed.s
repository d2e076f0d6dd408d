; unpriv_map_value_var_signed.s - map value + x with only x <= 7 checked (signed): x may be negative.
; kernel: reject: math between map_value pointer and register with unbounded min value is not allowed
; kernel-unpriv: reject: math between map_value pointer and register with unbounded min value is not allowed
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_var_signed
	.type unpriv_map_value_var_signed, @function
unpriv_map_value_var_signed:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	if r1 s> 7 goto out
	r0 += r1
	r0 = *(u8 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_var_signed, .-unpriv_map_value_var_signed
