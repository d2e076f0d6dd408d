; tp_ctx_write.s - writes the context field at offset 16.
; kernel: reject: invalid bpf_context access off=16 size=8
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_write
	.type tp_ctx_write, @function
tp_ctx_write:
	r2 = 0
	*(u64 *)(r1 + 16) = r2
	r0 = 0
	exit
	.size tp_ctx_write, .-tp_ctx_write
