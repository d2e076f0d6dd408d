; tc_pkt_ptr_sub.s - subtracts data from data_end: the packet length, a scalar.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_ptr_sub
	.type tc_pkt_ptr_sub, @function
tc_pkt_ptr_sub:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r3 -= r2
	r0 = r3
	r0 = 0
	exit
	.size tc_pkt_ptr_sub, .-tc_pkt_ptr_sub
