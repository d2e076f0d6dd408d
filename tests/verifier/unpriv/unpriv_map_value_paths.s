; unpriv_map_value_paths.s - the same addition to a map value pointer once with a constant and once with a masked unknown register, on two paths.
; kernel: accept
; kernel-unpriv: reject: R6 tried to add from different maps, paths or scalars, pointer arithmetic with it prohibited for !root
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_paths
	.type unpriv_map_value_paths, @function
unpriv_map_value_paths:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r1 = 4
	if r0 > 100 goto l
	r1 = r0
	r1 &= 7
l:
	r6 += r1
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_paths, .-unpriv_map_value_paths
