; tc_pkt_ptr_to_map.s - stores a packet pointer into a map value: a leak root may do.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_pkt_ptr_to_map
	.type tc_pkt_ptr_to_map, @function
tc_pkt_ptr_to_map:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	
	*(u32 *)(r10 - 4) = 0
	r6 = r2
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r0 + 0) = r6
out:
	r0 = 0
	exit
	.size tc_pkt_ptr_to_map, .-tc_pkt_ptr_to_map
