; tc_pkt_ge_check.s - checks with >= instead of >: data + 14 < data_end proves 15 bytes.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_ge_check
	.type tc_pkt_ge_check, @function
tc_pkt_ge_check:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 14
	if r4 >= r3 goto out
	r0 = *(u8 *)(r2 + 14)
out:
	r0 = 0
	exit
	.size tc_pkt_ge_check, .-tc_pkt_ge_check
