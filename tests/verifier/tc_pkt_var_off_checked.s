; tc_pkt_var_off_checked.s - a variable offset 0..15 added to data, then a check of 1 byte past it: allowed.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_pkt_var_off_checked
	.type tc_pkt_var_off_checked, @function
tc_pkt_var_off_checked:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r6 = r2
	r7 = r3
	call bpf_get_prandom_u32
	r0 &= 15
	r6 += r0
	r4 = r6
	r4 += 1
	if r4 > r7 goto out
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_var_off_checked, .-tc_pkt_var_off_checked
