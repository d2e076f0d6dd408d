; xdp_pkt_write.s - writes a packet byte after the check.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_write
	.type xdp_pkt_write, @function
xdp_pkt_write:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	*(u8 *)(r2 + 0) = 0xff
out:
	r0 = 2
	exit
	.size xdp_pkt_write, .-xdp_pkt_write
