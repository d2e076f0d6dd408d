; tc_pkt_negative_off.s - reads one byte before data after a check.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_negative_off
	.type tc_pkt_negative_off, @function
tc_pkt_negative_off:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 - 1)
out:
	r0 = 0
	exit
	.size tc_pkt_negative_off, .-tc_pkt_negative_off
