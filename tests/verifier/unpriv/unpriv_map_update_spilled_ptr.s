; unpriv_map_update_spilled_ptr.s - bpf_map_update_elem with a value on the stack that holds a spilled pointer.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack R3 off -16+0 size 8
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_map_update_spilled_ptr
	.type unpriv_map_update_spilled_ptr, @function
unpriv_map_update_spilled_ptr:
	*(u64 *)(r10 - 16) = r1
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	r1 = arr ll
	call bpf_map_update_elem
	r0 = 0
	exit
	.size unpriv_map_update_spilled_ptr, .-unpriv_map_update_spilled_ptr
