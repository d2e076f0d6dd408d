; kp_map_arg_not_map.s - passes a stack pointer where the map should be.
; kernel: reject: R1 type=fp expected=map_ptr
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_map_arg_not_map
	.type kp_map_arg_not_map, @function
kp_map_arg_not_map:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = r10
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size kp_map_arg_not_map, .-kp_map_arg_not_map
