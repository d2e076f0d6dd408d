; xdp_pkt_ge_check_oob.s - with >= the check proves 15 bytes, the read at 15 is past.
; kernel: reject: R2 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_pkt_ge_check_oob
	.type xdp_pkt_ge_check_oob, @function
xdp_pkt_ge_check_oob:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r4 = r2
	r4 += 14
	if r4 >= r3 goto out
	r0 = *(u8 *)(r2 + 15)
out:
	r0 = 2
	exit
	.size xdp_pkt_ge_check_oob, .-xdp_pkt_ge_check_oob
