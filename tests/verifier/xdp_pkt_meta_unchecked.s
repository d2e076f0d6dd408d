; xdp_pkt_meta_unchecked.s - reads metadata without the check against data.
; kernel: reject: R4 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_meta_unchecked
	.type xdp_pkt_meta_unchecked, @function
xdp_pkt_meta_unchecked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = *(u32 *)(r1 + 8)
	r0 = *(u32 *)(r4 + 0)
	r0 = 2
	exit
	.size xdp_pkt_meta_unchecked, .-xdp_pkt_meta_unchecked
