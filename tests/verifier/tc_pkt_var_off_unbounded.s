; tc_pkt_var_off_unbounded.s - an unbounded random offset added to data: the range cannot be proven.
; kernel: reject: math between pkt pointer and register with unbounded min value is not allowed
	.license "GPL"
	.section tc
	.globl tc_pkt_var_off_unbounded
	.type tc_pkt_var_off_unbounded, @function
tc_pkt_var_off_unbounded:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r6 = r2
	r7 = r3
	call bpf_get_prandom_u32
	r6 += r0
	r4 = r6
	r4 += 1
	if r4 > r7 goto out
	r0 = *(u8 *)(r6 + 0)
out:
	r0 = 0
	exit
	.size tc_pkt_var_off_unbounded, .-tc_pkt_var_off_unbounded
