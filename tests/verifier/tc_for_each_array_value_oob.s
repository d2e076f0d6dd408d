; tc_for_each_array_value_oob.s - the callback reads 8 bytes at offset 8 of an 8-byte value.
; kernel: reject: R3 min value is outside of the allowed memory range
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_for_each_array_value_oob
	.type tc_for_each_array_value_oob, @function
tc_for_each_array_value_oob:
	r1 = arr ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_array_value_oob, .-tc_for_each_array_value_oob
	.type cb, @function
cb:
	r0 = *(u64 *)(r3 + 8)
	r0 = 0
	exit
	.size cb, .-cb
