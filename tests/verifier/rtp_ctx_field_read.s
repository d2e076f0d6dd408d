; rtp_ctx_field_read.s - reads a valid context field (u64 at offset 8).
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ctx_field_read
	.type rtp_ctx_field_read, @function
rtp_ctx_field_read:
	r0 = *(u64 *)(r1 + 8)
	r0 = 0
	exit
	.size rtp_ctx_field_read, .-rtp_ctx_field_read
