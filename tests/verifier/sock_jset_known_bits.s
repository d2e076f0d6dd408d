; sock_jset_known_bits.s - 'if r0 & 0xc0 goto' leaves r0 with bits 6 and 7 clear on fallthrough; masking proves the index.
; kernel: accept
	.license "GPL"
	.map arr, array, key=4, value=64, entries=4
	.section socket
	.globl sock_jset_known_bits
	.type sock_jset_known_bits, @function
sock_jset_known_bits:
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	r1 = arr ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	r0 &= 0xff
	if r0 & 0xc0 goto out
	r6 += r0
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size sock_jset_known_bits, .-sock_jset_known_bits
