; xdp_pkt_u32_ctx_read_as_u64.s - reads the data field of the context as a u64.
; kernel: reject: invalid bpf_context access off=0 size=8
	.license "GPL"
	.section xdp
	.globl xdp_pkt_u32_ctx_read_as_u64
	.type xdp_pkt_u32_ctx_read_as_u64, @function
xdp_pkt_u32_ctx_read_as_u64:
	r2 = *(u32 *)(r1 + 0)
	r3 = *(u32 *)(r1 + 4)
	r2 = *(u64 *)(r1 + 0)
	r0 = 2
	exit
	.size xdp_pkt_u32_ctx_read_as_u64, .-xdp_pkt_u32_ctx_read_as_u64
