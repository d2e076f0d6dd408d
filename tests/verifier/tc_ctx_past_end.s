; tc_ctx_past_end.s - reads the context at offset 200, past its end.
; kernel: reject: invalid bpf_context access off=200 size=4
	.license "GPL"
	.section tc
	.globl tc_ctx_past_end
	.type tc_ctx_past_end, @function
tc_ctx_past_end:
	r0 = *(u32 *)(r1 + 200)
	r0 = 0
	exit
	.size tc_ctx_past_end, .-tc_ctx_past_end
