; sock_map_or_null_arith.s - adds to the lookup result before the NULL check.
; kernel: reject: R0 pointer arithmetic on map_value_or_null prohibited, null-check it first
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section socket
	.globl sock_map_or_null_arith
	.type sock_map_or_null_arith, @function
sock_map_or_null_arith:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	r0 += 4
	if r0 == 0 goto out
	r0 = *(u32 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size sock_map_or_null_arith, .-sock_map_or_null_arith
