; tc_pkt_loop_scan.s - scans up to 8 packet bytes in a bounded loop, checking each.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_loop_scan
	.type tc_pkt_loop_scan, @function
tc_pkt_loop_scan:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r5 = 0
loop:
	r4 = r2
	r4 += r5
	r6 = r4
	r6 += 1
	if r6 > r3 goto out
	r0 = *(u8 *)(r4 + 0)
	r5 += 1
	if r5 < 8 goto loop
out:
	r0 = 0
	exit
	.size tc_pkt_loop_scan, .-tc_pkt_loop_scan
