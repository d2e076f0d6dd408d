; tp_map_null_deref.s - dereferences a hash map lookup result without comparing it with 0.
; kernel: reject: R0 invalid mem access 'map_value_or_null'
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_null_deref
	.type tp_map_null_deref, @function
tp_map_null_deref:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	r0 = *(u64 *)(r0 + 0)
	r0 = 0
	exit
	.size tp_map_null_deref, .-tp_map_null_deref
