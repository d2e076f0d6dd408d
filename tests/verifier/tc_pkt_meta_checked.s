; tc_pkt_meta_checked.s - reads data_meta and checks it against data: metadata access.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_meta_checked
	.type tc_pkt_meta_checked, @function
tc_pkt_meta_checked:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = *(u32 *)(r1 + 140)
	r5 = r4
	r5 += 4
	if r5 > r2 goto out
	r0 = *(u32 *)(r4 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_meta_checked, .-tc_pkt_meta_checked
