; tp_map_value_oob.s - reads 8 bytes at offset 8 of an 8-byte map value.
; kernel: reject: R0 min value is outside of the allowed memory range
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_value_oob
	.type tp_map_value_oob, @function
tp_map_value_oob:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u64 *)(r0 + 8)
out:
	r0 = 0
	exit
	.size tp_map_value_oob, .-tp_map_value_oob
