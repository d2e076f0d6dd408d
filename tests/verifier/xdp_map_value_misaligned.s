; xdp_map_value_misaligned.s - reads a u64 at offset 4 of a map value: root without strict alignment allows it.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section xdp
	.globl xdp_map_value_misaligned
	.type xdp_map_value_misaligned, @function
xdp_map_value_misaligned:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r0 = *(u64 *)(r0 + 4)
out:
	r0 = 0
	exit
	.size xdp_map_value_misaligned, .-xdp_map_value_misaligned
