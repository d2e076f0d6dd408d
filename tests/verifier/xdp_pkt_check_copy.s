; xdp_pkt_check_copy.s - the check is made on a copy of data; the original is refined.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_check_copy
	.type xdp_pkt_check_copy, @function
xdp_pkt_check_copy:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r5 = r2
	r4 = r5
	r4 += 8
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 4)
out:
	r0 = 2
	exit
	.size xdp_pkt_check_copy, .-xdp_pkt_check_copy
