; Found by check_verifier's fuzz differential: the kernel rejects this program,
; ebpf-verify accepted it (or failed on it).
; kernel: reject: invalid size of register spill
; fuzz program 1184 of seed 1: random structured code for tc
	.license "GPL"
	.map fz_arr, array, key=4, value=16, entries=4
	.map fz_hash, hash, key=4, value=8, entries=16
	.section tc
	.globl fz
	.type fz, @function
fz:
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = -0x80000000
	r7 = *(u32 *)(r1 + 76)
	r8 = *(u32 *)(r1 + 80)
	r2 = r7
	r2 += 25
	if r2 > r8 goto lend
	r0 = 2
	r1 = 0
	r2 = 13
	r3 = 14
	r4 = 61
	r5 = 40
l0:
	if r5 > r1 goto l6
l1:
	r2 = r6
l2:
	r0 *= 7
l3:
	r3 = r5
l4:
	*(u8 *)(r10 - 8) = 7
l5:
	r1 = r7
	r1 += 31
	if r1 > r8 goto lend
l6:
	r2 += 1
	if r2 < 18 goto l3
l7:
	*(u8 *)(r10 - 24) = r1
l8:
	r4 = -r4
l9:
	r1 = *(u16 *)(r10 - 8)
l10:
	r4 = -r4
lend:
	r0 = 0
	exit
	.size fz, .-fz
