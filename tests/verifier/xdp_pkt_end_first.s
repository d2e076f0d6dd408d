; xdp_pkt_end_first.s - the comparison written data_end < data + 14: the same proof.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_end_first
	.type xdp_pkt_end_first, @function
xdp_pkt_end_first:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r3 < r4 goto out
	r0 = *(u16 *)(r2 + 12)
out:
	r0 = 2
	exit
	.size xdp_pkt_end_first, .-xdp_pkt_end_first
