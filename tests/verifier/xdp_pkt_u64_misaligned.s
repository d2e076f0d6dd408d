; xdp_pkt_u64_misaligned.s - reads a u64 at packet offset 2: root without strict alignment may.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_u64_misaligned
	.type xdp_pkt_u64_misaligned, @function
xdp_pkt_u64_misaligned:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 16
	if r4 > r3 goto out
	r0 = *(u64 *)(r2 + 2)
out:
	r0 = 2
	exit
	.size xdp_pkt_u64_misaligned, .-xdp_pkt_u64_misaligned
