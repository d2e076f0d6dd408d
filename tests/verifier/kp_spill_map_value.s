; kp_spill_map_value.s - spills a checked map value pointer, fills it and writes through it.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section kprobe/do_nanosleep
	.globl kp_spill_map_value
	.type kp_spill_map_value, @function
kp_spill_map_value:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	*(u64 *)(r10 - 16) = r0
	r1 = *(u64 *)(r10 - 16)
	*(u64 *)(r1 + 0) = 1
out:
	r0 = 0
	exit
	.size kp_spill_map_value, .-kp_spill_map_value
