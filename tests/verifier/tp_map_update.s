; tp_map_update.s - updates a hash map from key and value on the stack.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_update
	.type tp_map_update, @function
tp_map_update:
	*(u32 *)(r10 - 4) = 1
	*(u64 *)(r10 - 16) = 2
	r1 = h ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_map_update_elem
	r0 = 0
	exit
	.size tp_map_update, .-tp_map_update
