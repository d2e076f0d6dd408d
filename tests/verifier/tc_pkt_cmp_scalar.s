; tc_pkt_cmp_scalar.s - compares data_end with a number: the check proves nothing.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_cmp_scalar
	.type tc_pkt_cmp_scalar, @function
tc_pkt_cmp_scalar:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	if r3 < 100 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_cmp_scalar, .-tc_pkt_cmp_scalar
