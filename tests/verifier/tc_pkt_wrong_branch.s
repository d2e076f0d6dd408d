; tc_pkt_wrong_branch.s - reads on the branch where data + 14 > data_end.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_wrong_branch
	.type tc_pkt_wrong_branch, @function
tc_pkt_wrong_branch:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r4 <= r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_wrong_branch, .-tc_pkt_wrong_branch
