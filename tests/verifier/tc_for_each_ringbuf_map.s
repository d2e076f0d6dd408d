; tc_for_each_ringbuf_map.s - bpf_for_each_map_elem over a ring buffer: it has no elements to walk.
; kernel: reject: callback function not allowed for map
	.license "GPL"
	.map rb, ringbuf, key=0, value=0, entries=4096
	.section tc
	.globl tc_for_each_ringbuf_map
	.type tc_for_each_ringbuf_map, @function
tc_for_each_ringbuf_map:
	r1 = rb ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_ringbuf_map, .-tc_for_each_ringbuf_map
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
