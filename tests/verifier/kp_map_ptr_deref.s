; kp_map_ptr_deref.s - reads through the map pointer itself (r1 = map ll).
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section kprobe/do_nanosleep
	.globl kp_map_ptr_deref
	.type kp_map_ptr_deref, @function
kp_map_ptr_deref:
	r1 = arr ll
	r0 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
	.size kp_map_ptr_deref, .-kp_map_ptr_deref
