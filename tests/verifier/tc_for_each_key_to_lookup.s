; tc_for_each_key_to_lookup.s - the callback passes its key to bpf_map_lookup_elem of the same map.
; kernel: accept
	.license "GPL"
	.map h, hash, key=4, value=8, entries=16
	.section tc
	.globl tc_for_each_key_to_lookup
	.type tc_for_each_key_to_lookup, @function
tc_for_each_key_to_lookup:
	r1 = h ll
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_for_each_map_elem
	r0 = 0
	exit
	.size tc_for_each_key_to_lookup, .-tc_for_each_key_to_lookup
	.type cb, @function
cb:
	r1 = h ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size cb, .-cb
