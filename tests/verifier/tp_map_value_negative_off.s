; tp_map_value_negative_off.s - reads at offset -4 of a map value.
; kernel: reject: R0 min value is outside of the allowed memory range
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_value_negative_off
	.type tp_map_value_negative_off, @function
tp_map_value_negative_off:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u32 *)(r0 - 4)
out:
	r0 = 0
	exit
	.size tp_map_value_negative_off, .-tp_map_value_negative_off
