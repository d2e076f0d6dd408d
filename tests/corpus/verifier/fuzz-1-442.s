; Found by check_verifier's fuzz differential: the kernel rejects this program,
; ebpf-verify accepted it (or failed on it).
; kernel: reject: invalid size of register spill
; fuzz program 442 of seed 1: random structured code for xdp
	.license "GPL"
	.map fz_arr, array, key=4, value=16, entries=4
	.map fz_hash, hash, key=4, value=8, entries=16
	.section xdp
	.globl fz
	.type fz, @function
fz:
	r6 = r1
	*(u64 *)(r10 - 8) = r6
	r7 = *(u32 *)(r1 + 12)
	r8 = 34
	*(u32 *)(r10 - 4) = 2
	r2 = r10
	r2 += -4
	r1 = fz_arr ll
	call bpf_map_lookup_elem
	r9 = r0
	if r9 == 0 goto lend
	r0 = 0
	r1 = 44
	r2 = 28
	r3 = 28
	r4 = 37
	r5 = 18
l0:
	*(u16 *)(r10 - 24) = r9
l1:
	r3 = be16 r3
lend:
	r0 = 2
	exit
	.size fz, .-fz
