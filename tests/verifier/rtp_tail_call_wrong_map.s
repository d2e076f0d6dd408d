; rtp_tail_call_wrong_map.s - a tail call through an array map instead of a prog_array.
; kernel: reject: expected prog array map for tail call
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_tail_call_wrong_map
	.type rtp_tail_call_wrong_map, @function
rtp_tail_call_wrong_map:
	r2 = arr ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size rtp_tail_call_wrong_map, .-rtp_tail_call_wrong_map
