; tc_spill_partial_fill.s - fills 4 bytes of a spilled pointer and dereferences it.
; kernel: reject: invalid size of register fill
	.license "GPL"
	.section tc
	.globl tc_spill_partial_fill
	.type tc_spill_partial_fill, @function
tc_spill_partial_fill:
	*(u64 *)(r10 - 8) = r10
	r1 = *(u32 *)(r10 - 8)
	r0 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
	.size tc_spill_partial_fill, .-tc_spill_partial_fill
