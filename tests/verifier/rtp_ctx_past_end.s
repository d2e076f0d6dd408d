; rtp_ctx_past_end.s - reads the context at offset 96, past its end.
; kernel: reject: invalid bpf_context access off=96 size=4
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ctx_past_end
	.type rtp_ctx_past_end, @function
rtp_ctx_past_end:
	r0 = *(u32 *)(r1 + 96)
	r0 = 0
	exit
	.size rtp_ctx_past_end, .-rtp_ctx_past_end
