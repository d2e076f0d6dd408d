; unpriv_cmp_value_nonnull_zero.s - compares a map value pointer (constant key in range: never NULL) with 0 twice.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_cmp_value_nonnull_zero
	.type unpriv_cmp_value_nonnull_zero, @function
unpriv_cmp_value_nonnull_zero:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	if r0 != 0 goto out
out:
	r0 = 0
	exit
	.size unpriv_cmp_value_nonnull_zero, .-unpriv_cmp_value_nonnull_zero
