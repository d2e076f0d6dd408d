; kp_loop_count_from_map.s - bpf_loop's count comes from a map value checked to be at most 2000; the callback counts on the caller's stack.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section kprobe/do_nanosleep
	.globl kp_loop_count_from_map
	.type kp_loop_count_from_map, @function
kp_loop_count_from_map:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u32 *)(r10 - 12) = r1
	r2 = r10
	r2 += -12
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	if r1 > 2000 goto out
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
out:
	r0 = 0
	exit
	.size kp_loop_count_from_map, .-kp_loop_count_from_map
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r1 += 1
	*(u64 *)(r2 + 0) = r1
	r0 = 0
	exit
	.size cb, .-cb
