; kp_ctx_past_end.s - reads the context at offset 168, past its end.
; kernel: reject: invalid bpf_context access off=168 size=4
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_past_end
	.type kp_ctx_past_end, @function
kp_ctx_past_end:
	r0 = *(u32 *)(r1 + 168)
	r0 = 0
	exit
	.size kp_ctx_past_end, .-kp_ctx_past_end
