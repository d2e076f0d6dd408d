; rtp_signed_bound_negative.s - checks only 'if r0 s> 63': r0 may still be negative as an offset.
; kernel: reject: value -2147483648 makes map_value pointer be out of bounds
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section raw_tracepoint/sys_enter
	.globl rtp_signed_bound_negative
	.type rtp_signed_bound_negative, @function
rtp_signed_bound_negative:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r0 <<= 32
	r0 s>>= 32
	if r0 s> 63 goto out
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size rtp_signed_bound_negative, .-rtp_signed_bound_negative
