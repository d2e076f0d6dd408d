; xdp_egress_ifindex.s - reads egress_ifindex: only for devmap programs.
; kernel: reject: invalid bpf_context access off=20 size=4
	.license "GPL"
	.section xdp
	.globl xdp_egress_ifindex
	.type xdp_egress_ifindex, @function
xdp_egress_ifindex:
	r0 = *(u32 *)(r1 + 20)
	r0 = 2
	exit
	.size xdp_egress_ifindex, .-xdp_egress_ifindex
