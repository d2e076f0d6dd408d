; xdp_get_stackid_bad_map.s - bpf_get_stackid with an array map: it needs a stack_trace map.
; kernel: reject: program of this type cannot use helper bpf_get_stackid#27
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_get_stackid_bad_map
	.type xdp_get_stackid_bad_map, @function
xdp_get_stackid_bad_map:
	r2 = arr ll
	r3 = 0
	call bpf_get_stackid
	r0 = 0
	exit
	.size xdp_get_stackid_bad_map, .-xdp_get_stackid_bad_map
