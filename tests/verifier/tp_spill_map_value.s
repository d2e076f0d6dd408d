; tp_spill_map_value.s - spills a checked map value pointer, fills it and writes through it.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_spill_map_value
	.type tp_spill_map_value, @function
tp_spill_map_value:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r10 - 16) = r0
	r1 = *(u64 *)(r10 - 16)
	*(u64 *)(r1 + 0) = 1
out:
	r0 = 0
	exit
	.size tp_spill_map_value, .-tp_spill_map_value
