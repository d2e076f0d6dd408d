; tc_pkt_end_first.s - the comparison written data_end < data + 14: the same proof.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_end_first
	.type tc_pkt_end_first, @function
tc_pkt_end_first:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r3 < r4 goto out
	r0 = *(u16 *)(r2 + 12)
out:
	r0 = 0
	exit
	.size tc_pkt_end_first, .-tc_pkt_end_first
