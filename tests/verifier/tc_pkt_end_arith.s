; tc_pkt_end_arith.s - adds to data_end: no arithmetic on pkt_end.
; kernel: reject: R3 pointer arithmetic on pkt_end prohibited
	.license "GPL"
	.section tc
	.globl tc_pkt_end_arith
	.type tc_pkt_end_arith, @function
tc_pkt_end_arith:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r3 += 1
	r0 = 0
	exit
	.size tc_pkt_end_arith, .-tc_pkt_end_arith
