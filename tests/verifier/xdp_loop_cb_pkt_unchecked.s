; xdp_loop_cb_pkt_unchecked.s - the caller puts data and data_end on its stack; the callback reads the packet without comparing them.
; kernel: reject: R1 offset is outside of the packet
	.license "GPL"
	.section xdp
	.globl xdp_loop_cb_pkt_unchecked
	.type xdp_loop_cb_pkt_unchecked, @function
xdp_loop_cb_pkt_unchecked:
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
	.size xdp_loop_cb_pkt_unchecked, .-xdp_loop_cb_pkt_unchecked
	.type cb, @function
cb:
	r1 = *(u64 *)(r2 + 0)
	r0 = *(u8 *)(r1 + 0)
	r0 = 0
	exit
	.size cb, .-cb
