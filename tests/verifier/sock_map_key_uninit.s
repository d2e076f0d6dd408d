; sock_map_key_uninit.s - passes an uninitialised stack slot as the key. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section socket
	.globl sock_map_key_uninit
	.type sock_map_key_uninit, @function
sock_map_key_uninit:
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size sock_map_key_uninit, .-sock_map_key_uninit
