; rtp_map_value_var_unbounded.s - adds an unbounded random value to the map value pointer, then reads.
; kernel: reject: math between map_value pointer and register with unbounded min value is not allowed
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_map_value_var_unbounded
	.type rtp_map_value_var_unbounded, @function
rtp_map_value_var_unbounded:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size rtp_map_value_var_unbounded, .-rtp_map_value_var_unbounded
