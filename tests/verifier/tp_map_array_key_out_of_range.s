; tp_map_array_key_out_of_range.s - an array lookup with the constant key 4 of 4 entries, no NULL check: that lookup returns NULL.
; kernel: reject: R0 invalid mem access 'map_value_or_null'
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_array_key_out_of_range
	.type tp_map_array_key_out_of_range, @function
tp_map_array_key_out_of_range:
	*(u32 *)(r10 - 4) = 4
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = *(u64 *)(r0 + 0)
	r0 = 0
	exit
	.size tp_map_array_key_out_of_range, .-tp_map_array_key_out_of_range
