; xdp_rx_queue_index.s - reads rx_queue_index and ingress_ifindex.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_rx_queue_index
	.type xdp_rx_queue_index, @function
xdp_rx_queue_index:
	r0 = *(u32 *)(r1 + 16)
	r0 = *(u32 *)(r1 + 12)
	r0 = 2
	exit
	.size xdp_rx_queue_index, .-xdp_rx_queue_index
