; tp_ctx_misaligned.s - reads a u32 at offset 18 of the context: not on a field.
; kernel: reject: invalid bpf_context access off=18 size=4
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_misaligned
	.type tp_ctx_misaligned, @function
tp_ctx_misaligned:
	r0 = *(u32 *)(r1 + 18)
	r0 = 0
	exit
	.size tp_ctx_misaligned, .-tp_ctx_misaligned
