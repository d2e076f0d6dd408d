; unpriv_helper_uninit_key.s - bpf_map_lookup_elem with a key on the stack nobody wrote.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack R2 off=-4 size=4
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl unpriv_helper_uninit_key
	.type unpriv_helper_uninit_key, @function
unpriv_helper_uninit_key:
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size unpriv_helper_uninit_key, .-unpriv_helper_uninit_key
