; xdp_loop_cb_pkt_checked.s - the same callback compares data + 1 with data_end before reading a byte.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_loop_cb_pkt_checked
	.type xdp_loop_cb_pkt_checked, @function
xdp_loop_cb_pkt_checked:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	*(u64 *)(r10 - 16) = r2
	*(u64 *)(r10 - 8) = r3
	r1 = 4
	r2 = cb ll
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
	.size xdp_loop_cb_pkt_checked, .-xdp_loop_cb_pkt_checked
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r3 = *(u64 *)(r2 + 8)
	r4 = r1
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r1 + 0)
out:
	r0 = 0
	exit
	.size cb, .-cb
