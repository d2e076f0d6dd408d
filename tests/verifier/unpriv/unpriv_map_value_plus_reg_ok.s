; unpriv_map_value_plus_reg_ok.s - moves a map value pointer by a register holding 4, reads 4 bytes.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_plus_reg_ok
	.type unpriv_map_value_plus_reg_ok, @function
unpriv_map_value_plus_reg_ok:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = 4
	r0 += r1
	r0 = *(u32 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_plus_reg_ok, .-unpriv_map_value_plus_reg_ok
