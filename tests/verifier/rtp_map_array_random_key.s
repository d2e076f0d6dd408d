; rtp_map_array_random_key.s - an array lookup with a random key, no NULL check.
; kernel: reject: R0 invalid mem access 'map_value_or_null'
	.license "GPL"
	.map arr, array, key=4, value=8, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_map_array_random_key
	.type rtp_map_array_random_key, @function
rtp_map_array_random_key:
	call bpf_get_prandom_u32
	*(u32 *)(r10 - 4) = r0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	r0 = *(u64 *)(r0 + 0)
	r0 = 0
	exit
	.size rtp_map_array_random_key, .-rtp_map_array_random_key
