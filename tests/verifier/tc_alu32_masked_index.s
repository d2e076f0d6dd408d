; tc_alu32_masked_index.s - a random w0 masked with 0x3f indexes a 64-byte map value, 1-byte read: in bounds.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section tc
	.globl tc_alu32_masked_index
	.type tc_alu32_masked_index, @function
tc_alu32_masked_index:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	w0 &= 0x3f
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tc_alu32_masked_index, .-tc_alu32_masked_index
