; xdp_pkt_as_map_key_unchecked.s - uses packet bytes as a map key without a check.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_pkt_as_map_key_unchecked
	.type xdp_pkt_as_map_key_unchecked, @function
xdp_pkt_as_map_key_unchecked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = 2
	exit
	.size xdp_pkt_as_map_key_unchecked, .-xdp_pkt_as_map_key_unchecked
