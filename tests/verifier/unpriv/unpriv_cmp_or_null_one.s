; unpriv_cmp_or_null_one.s - compares a lookup result with 1 instead of 0.
; kernel: accept
; kernel-unpriv: reject: R0 pointer comparison prohibited
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_cmp_or_null_one
	.type unpriv_cmp_or_null_one, @function
unpriv_cmp_or_null_one:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 1 goto out
out:
	r0 = 0
	exit
	.size unpriv_cmp_or_null_one, .-unpriv_cmp_or_null_one
