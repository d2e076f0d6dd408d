; tc_pkt_checked.s - checks data + 14 <= data_end, then reads the ethertype.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_checked
	.type tc_pkt_checked, @function
tc_pkt_checked:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u16 *)(r2 + 12)
out:
	r0 = 0
	exit
	.size tc_pkt_checked, .-tc_pkt_checked
