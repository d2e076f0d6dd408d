; rtp_ctx_negative_offset.s - reads the context at offset -8.
; kernel: reject: invalid bpf_context access off=-8 size=8
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ctx_negative_offset
	.type rtp_ctx_negative_offset, @function
rtp_ctx_negative_offset:
	r0 = *(u64 *)(r1 - 8)
	r0 = 0
	exit
	.size rtp_ctx_negative_offset, .-rtp_ctx_negative_offset
