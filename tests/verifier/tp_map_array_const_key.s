; tp_map_array_const_key.s - an array lookup with the constant key 0 < max_entries, no NULL check: this kernel types the result as a map value, never NULL.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_array_const_key
	.type tp_map_array_const_key, @function
tp_map_array_const_key:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = *(u64 *)(r0 + 0)
	r0 = 0
	exit
	.size tp_map_array_const_key, .-tp_map_array_const_key
