; tc_for_each_hash_key_read.s - the callback reads the 4-byte key (r2).
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tc
	.globl tc_for_each_hash_key_read
	.type tc_for_each_hash_key_read, @function
tc_for_each_hash_key_read:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_hash_key_read, .-tc_for_each_hash_key_read
	.type cb, @function
cb:
	r0 = *(u32 *)(r2 + 0)
	r0 = 0
	exit
	.size cb, .-cb
