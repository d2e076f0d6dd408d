; tc_for_each_hash_key_write.s - the callback writes the key: keys are read-only.
; kernel: reject: write to change key R2 not allowed
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tc
	.globl tc_for_each_hash_key_write
	.type tc_for_each_hash_key_write, @function
tc_for_each_hash_key_write:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_hash_key_write, .-tc_for_each_hash_key_write
	.type cb, @function
cb:
	r1 = 0
	*(u32 *)(r2 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
