; xdp_pkt_recheck_after_helper.s - reloads data and data_end after the helper and checks again: allowed.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_recheck_after_helper
	.type xdp_pkt_recheck_after_helper, @function
xdp_pkt_recheck_after_helper:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r6 = r1
	r1 = r6
	r2 = 0
	call bpf_xdp_adjust_head
	r2 = *(u32 *)(r6 + 0)
	r3 = *(u32 *)(r6 + 4)
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
	.size xdp_pkt_recheck_after_helper, .-xdp_pkt_recheck_after_helper
