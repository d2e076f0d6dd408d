; sock_ctx_past_end.s - reads the context at offset 200, past its end.
; kernel: reject: invalid bpf_context access off=200 size=4
	.license "GPL"
	.section socket
	.globl sock_ctx_past_end
	.type sock_ctx_past_end, @function
sock_ctx_past_end:
	r0 = *(u32 *)(r1 + 200)
	r0 = 0
	exit
	.size sock_ctx_past_end, .-sock_ctx_past_end
