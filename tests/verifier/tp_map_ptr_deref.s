; tp_map_ptr_deref.s - reads through the map pointer itself (r1 = map ll).
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_map_ptr_deref
	.type tp_map_ptr_deref, @function
tp_map_ptr_deref:
	r1 = arr ll
	r0 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
	.size tp_map_ptr_deref, .-tp_map_ptr_deref
