; xdp_map_delete.s - deletes a hash map key.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section xdp
	.globl xdp_map_delete
	.type xdp_map_delete, @function
xdp_map_delete:
	*(u32 *)(r10 - 4) = 1
	r1 = h ll
	r2 = r10
	r2 += -4
	call bpf_map_delete_elem
	r0 = 0
	exit
	.size xdp_map_delete, .-xdp_map_delete
