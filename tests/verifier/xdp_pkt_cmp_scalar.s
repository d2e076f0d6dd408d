; xdp_pkt_cmp_scalar.s - compares data_end with a number: the check proves nothing.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_cmp_scalar
	.type xdp_pkt_cmp_scalar, @function
xdp_pkt_cmp_scalar:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	if r3 < 100 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
	.size xdp_pkt_cmp_scalar, .-xdp_pkt_cmp_scalar
