; tc_pkt_big_check.s - checks 0xffff bytes of packet (MAX_PACKET_OFF, the most a check proves) and reads at 0x7ff0.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_big_check
	.type tc_pkt_big_check, @function
tc_pkt_big_check:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 0xffff
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0x7ff0)
out:
	r0 = 0
	exit
	.size tc_pkt_big_check, .-tc_pkt_big_check
