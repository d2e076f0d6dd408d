; tp_ctx_negative_offset.s - reads the context at offset -8.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_negative_offset
	.type tp_ctx_negative_offset, @function
tp_ctx_negative_offset:
	r0 = *(u64 *)(r1 - 8)
	r0 = 0
	exit
	.size tp_ctx_negative_offset, .-tp_ctx_negative_offset
