; unpriv_helper_partial_value.s - bpf_map_update_elem with a value of which 4 of 8 bytes are set.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack R3 off -16+4 size 8
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_helper_partial_value
	.type unpriv_helper_partial_value, @function
unpriv_helper_partial_value:
	*(u32 *)(r10 - 4) = 0
	*(u32 *)(r10 - 16) = 0
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	r1 = arr ll
	call bpf_map_update_elem
	r0 = 0
	exit
	.size unpriv_helper_partial_value, .-unpriv_helper_partial_value
