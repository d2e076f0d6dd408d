; tp_atomic_map_value.s - an atomic add into a NULL-checked map value.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_atomic_map_value
	.type tp_atomic_map_value, @function
tp_atomic_map_value:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = 1
	lock *(u64 *)(r0 + 0) += r1
out:
	r0 = 0
	exit
	.size tp_atomic_map_value, .-tp_atomic_map_value
