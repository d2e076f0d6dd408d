; unpriv_map_value_paths_same.s - the same addition on two paths with the same masked register.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_value_paths_same
	.type unpriv_map_value_paths_same, @function
unpriv_map_value_paths_same:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r1 = r0
	r1 &= 7
	if r0 > 100 goto l
	r2 = 1
l:
	r6 += r1
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size unpriv_map_value_paths_same, .-unpriv_map_value_paths_same
