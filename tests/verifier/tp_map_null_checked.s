; tp_map_null_checked.s - compares the hash lookup result with 0, then reads the value.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_null_checked
	.type tp_map_null_checked, @function
tp_map_null_checked:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = h ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u64 *)(r0 + 0)
out:
	r0 = 0
	exit
	.size tp_map_null_checked, .-tp_map_null_checked
