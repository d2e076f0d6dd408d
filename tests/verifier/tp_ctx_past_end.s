; tp_ctx_past_end.s - reads the context at offset 8192, past its end.
; kernel: reject: invalid bpf_context access off=8192 size=4
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_past_end
	.type tp_ctx_past_end, @function
tp_ctx_past_end:
	r0 = *(u32 *)(r1 + 8192)
	r0 = 0
	exit
	.size tp_ctx_past_end, .-tp_ctx_past_end
