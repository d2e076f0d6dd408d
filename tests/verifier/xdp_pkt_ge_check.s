; xdp_pkt_ge_check.s - checks with >= instead of >: data + 14 < data_end proves 15 bytes.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_ge_check
	.type xdp_pkt_ge_check, @function
xdp_pkt_ge_check:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r4 >= r3 goto out
	r0 = *(u8 *)(r2 + 14)
out:
	r0 = 2
	exit
	.size xdp_pkt_ge_check, .-xdp_pkt_ge_check
