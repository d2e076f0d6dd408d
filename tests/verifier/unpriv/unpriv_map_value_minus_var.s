; unpriv_map_value_minus_var.s - map value + 8 - (x & 7), then a 1-byte read.
; kernel: reject: R0 unbounded memory access, make sure to bounds check any such access
; kernel-unpriv: reject: R0 pointer arithmetic of map value goes out of range, prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_minus_var
	.type unpriv_map_value_minus_var, @function
unpriv_map_value_minus_var:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	r1 &= 7
	r0 += 7
	r0 -= r1
	r0 = *(u8 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_minus_var, .-unpriv_map_value_minus_var
