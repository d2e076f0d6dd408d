; kp_get_stackid_bad_map.s - bpf_get_stackid with an array map: it needs a stack_trace map.
; kernel: reject: cannot pass map_type 2 into func bpf_get_stackid#27
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section kprobe/do_nanosleep
	.globl kp_get_stackid_bad_map
	.type kp_get_stackid_bad_map, @function
kp_get_stackid_bad_map:
	r2 = arr ll
	r3 = 0
	call bpf_get_stackid
	r0 = 0
	exit
	.size kp_get_stackid_bad_map, .-kp_get_stackid_bad_map
