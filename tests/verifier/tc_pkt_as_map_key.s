; tc_pkt_as_map_key.s - uses 4 checked packet bytes as a map key.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section tc
	.globl tc_pkt_as_map_key
	.type tc_pkt_as_map_key, @function
tc_pkt_as_map_key:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r1 = arr ll
	call bpf_map_lookup_elem
out:
	r0 = 0
	exit
	.size tc_pkt_as_map_key, .-tc_pkt_as_map_key
