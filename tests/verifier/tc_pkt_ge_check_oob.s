; tc_pkt_ge_check_oob.s - with >= the check proves 15 bytes, the read at 15 is past.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section tc
	.globl tc_pkt_ge_check_oob
	.type tc_pkt_ge_check_oob, @function
tc_pkt_ge_check_oob:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r4 >= r3 goto out
	r0 = *(u8 *)(r2 + 15)
out:
	r0 = 0
	exit
	.size tc_pkt_ge_check_oob, .-tc_pkt_ge_check_oob
