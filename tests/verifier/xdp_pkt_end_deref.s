; xdp_pkt_end_deref.s - dereferences data_end itself.
; kernel: reject: R3 invalid mem access 'pkt_end'
	.license "GPL"
	.section xdp
	.globl xdp_pkt_end_deref
	.type xdp_pkt_end_deref, @function
xdp_pkt_end_deref:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r0 = *(u8 *)(r3 + 0)
	r0 = 2
	exit
	.size xdp_pkt_end_deref, .-xdp_pkt_end_deref
