; tc_pkt_meta_unchecked.s - reads metadata without the check against data.
; kernel: reject: R4 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_meta_unchecked
	.type tc_pkt_meta_unchecked, @function
tc_pkt_meta_unchecked:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = *(u32 *)(r1 + 140)
	r0 = *(u32 *)(r4 + 0)
	r0 = 0
	exit
	.size tc_pkt_meta_unchecked, .-tc_pkt_meta_unchecked
