; tp_map_value_write.s - writes a NULL-checked map value.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_value_write
	.type tp_map_value_write, @function
tp_map_value_write:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = 42
	*(u64 *)(r0 + 0) = r1
out:
	r0 = 0
	exit
	.size tp_map_value_write, .-tp_map_value_write
