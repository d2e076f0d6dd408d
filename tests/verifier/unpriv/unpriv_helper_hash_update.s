; unpriv_helper_hash_update.s - bpf_map_update_elem of a hash map.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section socket
	.globl unpriv_helper_hash_update
	.type unpriv_helper_hash_update, @function
unpriv_helper_hash_update:
	*(u32 *)(r10 - 4) = 0
	r1 = 0
	*(u64 *)(r10 - 16) = r1
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	r1 = h ll
	call bpf_map_update_elem
	r0 = 0
	exit
	.size unpriv_helper_hash_update, .-unpriv_helper_hash_update
