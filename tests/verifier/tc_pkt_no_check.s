; tc_pkt_no_check.s - reads the first packet byte without comparing with data_end.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_no_check
	.type tc_pkt_no_check, @function
tc_pkt_no_check:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r0 = *(u8 *)(r2 + 0)
	r0 = 0
	exit
	.size tc_pkt_no_check, .-tc_pkt_no_check
