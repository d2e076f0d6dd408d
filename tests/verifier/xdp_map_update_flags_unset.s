; xdp_map_update_flags_unset.s - calls bpf_map_update_elem without setting r4 (flags).
; kernel: reject: R4 !read_ok
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section xdp
	.globl xdp_map_update_flags_unset
	.type xdp_map_update_flags_unset, @function
xdp_map_update_flags_unset:
	*(u32 *)(r10 - 4) = 1
	*(u64 *)(r10 - 16) = 2
	r1 = h ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	call bpf_map_update_elem
	r0 = 0
	exit
	.size xdp_map_update_flags_unset, .-xdp_map_update_flags_unset
