; tc_pkt_check_then_clobber.s - checks, then a helper call that may move the packet (bpf_xdp_adjust_head / bpf_skb_pull_data) invalidates the pointer.
; kernel: reject: R7 invalid mem access 'scalar'
	.license "GPL"
	.section tc
	.globl tc_pkt_check_then_clobber
	.type tc_pkt_check_then_clobber, @function
tc_pkt_check_then_clobber:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r6 = r1
	r7 = r2
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r1 = r6
	r2 = 0
	call bpf_skb_pull_data
	r0 = *(u8 *)(r7 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_check_then_clobber, .-tc_pkt_check_then_clobber
