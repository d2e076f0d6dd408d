; unpriv_cmp_or_null_zero.s - the NULL check of a lookup result: the one pointer comparison anyone may make.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_cmp_or_null_zero
	.type unpriv_cmp_or_null_zero, @function
unpriv_cmp_or_null_zero:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
out:
	r0 = 0
	exit
	.size unpriv_cmp_or_null_zero, .-unpriv_cmp_or_null_zero
