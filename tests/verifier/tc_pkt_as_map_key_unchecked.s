; tc_pkt_as_map_key_unchecked.s - uses packet bytes as a map key without a check.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_pkt_as_map_key_unchecked
	.type tc_pkt_as_map_key_unchecked, @function
tc_pkt_as_map_key_unchecked:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 0
	exit
	.size tc_pkt_as_map_key_unchecked, .-tc_pkt_as_map_key_unchecked
