; xdp_for_each_hash_value_write.s - the callback writes the value of a hash element: values are writable.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section xdp
	.globl xdp_for_each_hash_value_write
	.type xdp_for_each_hash_value_write, @function
xdp_for_each_hash_value_write:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 2
	exit
	.size xdp_for_each_hash_value_write, .-xdp_for_each_hash_value_write
	.type cb, @function
cb:
	r1 = 1
	*(u64 *)(r3 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
