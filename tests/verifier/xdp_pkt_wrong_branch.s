; xdp_pkt_wrong_branch.s - reads on the branch where data + 14 > data_end.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_wrong_branch
	.type xdp_pkt_wrong_branch, @function
xdp_pkt_wrong_branch:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r4 <= r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
	.size xdp_pkt_wrong_branch, .-xdp_pkt_wrong_branch
