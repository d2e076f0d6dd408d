; tc_user_ringbuf_drain_array_map.s - bpf_user_ringbuf_drain of an array map: it drains user ring buffers only.
; kernel: reject: cannot pass map_type 2 into func bpf_user_ringbuf_drain#209
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_user_ringbuf_drain_array_map
	.type tc_user_ringbuf_drain_array_map, @function
tc_user_ringbuf_drain_array_map:
	r1 = arr ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_user_ringbuf_drain
	r0 = 0
	exit
	.size tc_user_ringbuf_drain_array_map, .-tc_user_ringbuf_drain_array_map
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
