; tc_signed_bound_both.s - checks 'r0 s> 63' and 's< 0': a signed value in [0, 63], in bounds.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section tc
	.globl tc_signed_bound_both
	.type tc_signed_bound_both, @function
tc_signed_bound_both:
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
	if r0 s< 0 goto out
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tc_signed_bound_both, .-tc_signed_bound_both
