; tc_pkt_end_deref.s - dereferences data_end itself.
; kernel: reject: R3 invalid mem access 'pkt_end'
	.license "GPL"
	.section tc
	.globl tc_pkt_end_deref
	.type tc_pkt_end_deref, @function
tc_pkt_end_deref:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r0 = *(u8 *)(r3 + 0)
	r0 = 0
	exit
	.size tc_pkt_end_deref, .-tc_pkt_end_deref
