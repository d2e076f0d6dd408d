; sock_for_each_hash_key_oob.s - the callback reads 4 bytes after the 4-byte key.
; kernel: reject: R2 min value is outside of the allowed memory range
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section socket
	.globl sock_for_each_hash_key_oob
	.type sock_for_each_hash_key_oob, @function
sock_for_each_hash_key_oob:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size sock_for_each_hash_key_oob, .-sock_for_each_hash_key_oob
	.type cb, @function
cb:
	r0 = *(u32 *)(r2 + 4)
	r0 = 0
	exit
	.size cb, .-cb
