; xdp_pkt_ptr_sub.s - subtracts data from data_end: the packet length, a scalar.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_ptr_sub
	.type xdp_pkt_ptr_sub, @function
xdp_pkt_ptr_sub:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r3 -= r2
	r0 = r3
	r0 = 2
	exit
	.size xdp_pkt_ptr_sub, .-xdp_pkt_ptr_sub
