; tc_for_each_array_value_read.s - bpf_for_each_map_elem over an array: the callback reads the 8-byte value (r3).
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_for_each_array_value_read
	.type tc_for_each_array_value_read, @function
tc_for_each_array_value_read:
	r1 = arr ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_array_value_read, .-tc_for_each_array_value_read
	.type cb, @function
cb:
	r0 = *(u64 *)(r3 + 0)
	r0 = 0
	exit
	.size cb, .-cb
