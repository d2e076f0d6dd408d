; Found by check_verifier's fuzz differential: the kernel rejects this program,
; ebpf-verify accepted it (or failed on it).
; kernel: reject: invalid size of register spill
; fuzz program 11 of seed 1: random structured code for kprobe/do_nanosleep
	.license "GPL"
	.map fz_arr, array, key=4, value=16, entries=4
	.map fz_hash, hash, key=4, value=8, entries=16
	.section kprobe/do_nanosleep
	.globl fz
	.type fz, @function
fz:
	r6 = r1
	*(u64 *)(r10 - 8) = r6
	*(u64 *)(r10 - 16) = 32
	r7 = *(u32 *)(r1 + 0)
	r8 = 20
	*(u32 *)(r10 - 4) = 2
	r2 = r10
	r2 += -4
	r1 = fz_arr ll
	call bpf_map_lookup_elem
	r9 = r0
	if r9 == 0 goto lend
	r0 = 0
	r1 = 22
	r2 = 44
	r3 = 45
	r4 = 54
	r5 = 21
l0:
	r5 = r5
l1:
	r1 = *(u16 *)(r9 + 12)
l2:
	*(u32 *)(r10 - 4) = r9
l3:
	r4 -= r4
l4:
	r3 s/= 255
l5:
	lock *(u32 *)(r9 + 0) += r5
l6:
	r3 = *(u16 *)(r10 - 8)
lend:
	r0 = 0
	exit
	.size fz, .-fz
