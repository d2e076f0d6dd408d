; xdp_ctx_past_end.s - reads the context at offset 24, past its end.
; kernel: reject: invalid bpf_context access off=24 size=4
	.license "GPL"
	.section xdp
	.globl xdp_ctx_past_end
	.type xdp_ctx_past_end, @function
xdp_ctx_past_end:
	r0 = *(u32 *)(r1 + 24)
	r0 = 0
	exit
	.size xdp_ctx_past_end, .-xdp_ctx_past_end
