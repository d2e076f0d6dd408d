; sock_map_key_oob_stack.s - the 4-byte key starts 2 bytes below r10: it runs past the frame.
; kernel: reject: invalid read from stack R2 off=-2 size=4
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl sock_map_key_oob_stack
	.type sock_map_key_oob_stack, @function
sock_map_key_oob_stack:
	r2 = r10
	r2 += -2
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size sock_map_key_oob_stack, .-sock_map_key_oob_stack
