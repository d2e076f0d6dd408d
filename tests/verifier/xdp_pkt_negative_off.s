; xdp_pkt_negative_off.s - reads one byte before data after a check.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_negative_off
	.type xdp_pkt_negative_off, @function
xdp_pkt_negative_off:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 - 1)
out:
	r0 = 2
	exit
	.size xdp_pkt_negative_off, .-xdp_pkt_negative_off
