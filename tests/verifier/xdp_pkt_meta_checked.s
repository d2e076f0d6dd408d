; xdp_pkt_meta_checked.s - reads data_meta and checks it against data: metadata access.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_meta_checked
	.type xdp_pkt_meta_checked, @function
xdp_pkt_meta_checked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = *(u32 *)(r1 + 8)
	r5 = r4
	r5 += 4
	if r5 > r2 goto out
	r0 = *(u32 *)(r4 + 0)
out:
	r0 = 2
	exit
	.size xdp_pkt_meta_checked, .-xdp_pkt_meta_checked
