; Found by check_verifier's fuzz differential: the kernel rejects this program,
; ebpf-verify accepted it (or failed on it).
; kernel: reject: invalid size of register spill
; fuzz program 180 of seed 1: random structured code for socket
	.license "GPL"
	.map fz_arr, array, key=4, value=16, entries=4
	.map fz_hash, hash, key=4, value=8, entries=16
	.section socket
	.globl fz
	.type fz, @function
fz:
	r6 = r1
	r7 = *(u32 *)(r1 + 16)
	r8 = 85
	r9 = r10
	r9 += -16
	r0 = 2
	r1 = 49
	r2 = 57
	r3 = 4
	r4 = 59
	r5 = 22
l0:
	r1 = r7
	r1 += 54
	if r1 > r8 goto lend
l1:
	*(u32 *)(r10 - 16) = r10
l2:
	r4 = *(u8 *)(r6 + 14)
l3:
	r1 = r7
	r1 += 42
	if r1 >= r8 goto lend
l4:
	lock *(u32 *)(r9 + 0) += r1
l5:
	r4 = *(u8 *)(r10 - 8)
lend:
	r0 = -0x80000000
	exit
	.size fz, .-fz
