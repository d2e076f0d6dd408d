; unpriv_cmp_values.s - compares two map value pointers of the same lookup.
; kernel: accept
; kernel-unpriv: reject: R1 pointer comparison prohibited
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_cmp_values
	.type unpriv_cmp_values, @function
unpriv_cmp_values:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = r0
	r1 += 4
	if r0 < r1 goto out
out:
	r0 = 0
	exit
	.size unpriv_cmp_values, .-unpriv_cmp_values
