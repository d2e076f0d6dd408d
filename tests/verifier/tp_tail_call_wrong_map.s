; tp_tail_call_wrong_map.s - a tail call through an array map instead of a prog_array.
; kernel: reject: expected prog array map for tail call
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_tail_call_wrong_map
	.type tp_tail_call_wrong_map, @function
tp_tail_call_wrong_map:
	r2 = arr ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size tp_tail_call_wrong_map, .-tp_tail_call_wrong_map
