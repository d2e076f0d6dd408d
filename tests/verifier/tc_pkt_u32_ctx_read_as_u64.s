; tc_pkt_u32_ctx_read_as_u64.s - reads the data field of the context as a u64.
; kernel: reject: invalid bpf_context access off=76 size=8
	.license "GPL"
	.section tc
	.globl tc_pkt_u32_ctx_read_as_u64
	.type tc_pkt_u32_ctx_read_as_u64, @function
tc_pkt_u32_ctx_read_as_u64:
	r2 = *(u32 *)(r1 + 76)
	r3 = *(u32 *)(r1 + 80)
	r2 = *(u64 *)(r1 + 76)
	r0 = 0
	exit
	.size tc_pkt_u32_ctx_read_as_u64, .-tc_pkt_u32_ctx_read_as_u64
