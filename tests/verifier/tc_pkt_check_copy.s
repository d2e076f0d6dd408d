; tc_pkt_check_copy.s - the check is made on a copy of data; the original is refined.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_check_copy
	.type tc_pkt_check_copy, @function
tc_pkt_check_copy:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r5 = r2
	r4 = r5
	r4 += 8
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 4)
out:
	r0 = 0
	exit
	.size tc_pkt_check_copy, .-tc_pkt_check_copy
