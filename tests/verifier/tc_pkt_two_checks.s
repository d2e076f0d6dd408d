; tc_pkt_two_checks.s - two successive checks, the larger one wins for later reads.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_two_checks
	.type tc_pkt_two_checks, @function
tc_pkt_two_checks:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r4 = r2
	r4 += 20
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 16)
out:
	r0 = 0
	exit
	.size tc_pkt_two_checks, .-tc_pkt_two_checks
