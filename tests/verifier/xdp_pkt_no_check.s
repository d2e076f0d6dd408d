; xdp_pkt_no_check.s - reads the first packet byte without comparing with data_end.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_no_check
	.type xdp_pkt_no_check, @function
xdp_pkt_no_check:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r0 = *(u8 *)(r2 + 0)
	r0 = 2
	exit
	.size xdp_pkt_no_check, .-xdp_pkt_no_check
