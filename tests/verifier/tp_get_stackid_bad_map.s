; tp_get_stackid_bad_map.s - bpf_get_stackid with an array map: it needs a stack_trace map.
; kernel: reject: cannot pass map_type 2 into func bpf_get_stackid#27
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_get_stackid_bad_map
	.type tp_get_stackid_bad_map, @function
tp_get_stackid_bad_map:
	r2 = arr ll
	r3 = 0
	call bpf_get_stackid
	r0 = 0
	exit
	.size tp_get_stackid_bad_map, .-tp_get_stackid_bad_map
