; xdp_pkt_checked.s - checks data + 14 <= data_end, then reads the ethertype.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_checked
	.type xdp_pkt_checked, @function
xdp_pkt_checked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u16 *)(r2 + 12)
out:
	r0 = 2
	exit
	.size xdp_pkt_checked, .-xdp_pkt_checked
