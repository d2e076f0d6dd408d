; xdp_pkt_two_checks.s - two successive checks, the larger one wins for later reads.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_two_checks
	.type xdp_pkt_two_checks, @function
xdp_pkt_two_checks:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r4 = r2
	r4 += 20
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 16)
out:
	r0 = 2
	exit
	.size xdp_pkt_two_checks, .-xdp_pkt_two_checks
