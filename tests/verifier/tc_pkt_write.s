; tc_pkt_write.s - writes a packet byte after the check.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_write
	.type tc_pkt_write, @function
tc_pkt_write:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	*(u8 *)(r2 + 0) = 0xff
out:
	r0 = 0
	exit
	.size tc_pkt_write, .-tc_pkt_write
