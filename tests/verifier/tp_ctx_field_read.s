; tp_ctx_field_read.s - reads a valid context field (u64 at offset 16).
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_field_read
	.type tp_ctx_field_read, @function
tp_ctx_field_read:
	r0 = *(u64 *)(r1 + 16)
	r0 = 0
	exit
	.size tp_ctx_field_read, .-tp_ctx_field_read
