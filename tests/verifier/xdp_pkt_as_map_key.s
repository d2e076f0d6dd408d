; xdp_pkt_as_map_key.s - uses 4 checked packet bytes as a map key.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section xdp
	.globl xdp_pkt_as_map_key
	.type xdp_pkt_as_map_key, @function
xdp_pkt_as_map_key:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r1 = arr ll
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
	.size xdp_pkt_as_map_key, .-xdp_pkt_as_map_key
