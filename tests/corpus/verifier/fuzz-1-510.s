; Found by check_verifier's fuzz differential: the kernel rejects this program,
; ebpf-verify accepted it (or failed on it).
; kernel: reject: invalid size of register spill
; fuzz program 510 of seed 1: random structured code for socket
	.license "GPL"
	.map fz_arr, array, key=4, value=16, entries=4
	.map fz_hash, hash, key=4, value=8, entries=16
	.section socket
	.globl fz
	.type fz, @function
fz:
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = -1
	r7 = *(u32 *)(r1 + 4)
	r8 = 66
	*(u32 *)(r10 - 4) = 5
	r2 = r10
	r2 += -4
	r1 = fz_hash ll
	call bpf_map_lookup_elem
	r9 = r0
	if r9 == 0 goto lend
	r0 = 0
	r1 = 53
	r2 = 53
	r3 = 59
	r4 = 62
	r5 = 16
l0:
	r6 = r0
l1:
	if r4 <= 14 goto l2
l2:
	if r2 > r1 goto lend
l3:
	r8 = r3
l4:
	*(u8 *)(r10 - 32) = r9
l5:
	lock *(u32 *)(r9 + 0) += r2
l6:
	w2 >>= 14
l7:
	*(u32 *)(r10 - 8) = 1
l8:
	call bpf_get_smp_processor_id
	r1 = 53
	r2 = 61
	r3 = 41
	r4 = 1
	r5 = 48
l9:
	r1 = r7
	r1 += 62
	if r1 > r8 goto lend
l10:
	lock *(u64 *)(r9 - 8) += r0
l11:
	*(u64 *)(r10 - 24) = r2
lend:
	exit
	.size fz, .-fz
