; xdp_pkt_off_by_one.s - checks 13 bytes and reads the u16 at offset 12: one byte past.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_off_by_one
	.type xdp_pkt_off_by_one, @function
xdp_pkt_off_by_one:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 13
	if r4 > r3 goto out
	r0 = *(u16 *)(r2 + 12)
out:
	r0 = 2
	exit
	.size xdp_pkt_off_by_one, .-xdp_pkt_off_by_one
