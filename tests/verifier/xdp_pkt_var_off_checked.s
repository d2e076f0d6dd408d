; xdp_pkt_var_off_checked.s - a variable offset 0..15 added to data, then a check of 1 byte past it: allowed.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_pkt_var_off_checked
	.type xdp_pkt_var_off_checked, @function
xdp_pkt_var_off_checked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
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
	r0 = 2
	exit
	.size xdp_pkt_var_off_checked, .-xdp_pkt_var_off_checked
