; unpriv_cmp32_or_null_zero.s - a 32-bit NULL check of a hash lookup result.
; kernel: accept
; kernel-unpriv: reject: R0 pointer comparison prohibited
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section socket
	.globl unpriv_cmp32_or_null_zero
	.type unpriv_cmp32_or_null_zero, @function
unpriv_cmp32_or_null_zero:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	if w0 == 0 goto out
out:
	r0 = 0
	exit
	.size unpriv_cmp32_or_null_zero, .-unpriv_cmp32_or_null_zero
