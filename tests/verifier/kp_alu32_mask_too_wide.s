; kp_alu32_mask_too_wide.s - the same index masked with 0x7f: up to 127, past the 64-byte value.
; kernel: reject: R6 max value is outside of the allowed memory range
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section kprobe/do_nanosleep
	.globl kp_alu32_mask_too_wide
	.type kp_alu32_mask_too_wide, @function
kp_alu32_mask_too_wide:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	w0 &= 0x7f
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size kp_alu32_mask_too_wide, .-kp_alu32_mask_too_wide
