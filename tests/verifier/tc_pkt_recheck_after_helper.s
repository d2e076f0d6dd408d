; tc_pkt_recheck_after_helper.s - reloads data and data_end after the helper and checks again: allowed.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_recheck_after_helper
	.type tc_pkt_recheck_after_helper, @function
tc_pkt_recheck_after_helper:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r6 = r1
	r1 = r6
	r2 = 0
	call bpf_skb_pull_data
	r2 = *(u32 *)(r6 + 76)
	r3 = *(u32 *)(r6 + 80)
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_recheck_after_helper, .-tc_pkt_recheck_after_helper
