; tc_pkt_u64_misaligned.s - reads a u64 at packet offset 2: root without strict alignment may.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_u64_misaligned
	.type tc_pkt_u64_misaligned, @function
tc_pkt_u64_misaligned:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 16
	if r4 > r3 goto out
	r0 = *(u64 *)(r2 + 2)
out:
	r0 = 0
	exit
	.size tc_pkt_u64_misaligned, .-tc_pkt_u64_misaligned
