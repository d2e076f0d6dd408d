; xdp_pkt_end_arith.s - adds to data_end: no arithmetic on pkt_end.
; kernel: reject: R3 pointer arithmetic on pkt_end prohibited
	.license "GPL"
	.section xdp
	.globl xdp_pkt_end_arith
	.type xdp_pkt_end_arith, @function
xdp_pkt_end_arith:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r3 += 1
	r0 = 2
	exit
	.size xdp_pkt_end_arith, .-xdp_pkt_end_arith
