; sock_ctx_negative_offset.s - reads the context at offset -8.
; kernel: reject: invalid bpf_context access off=-8 size=8
	.license "GPL"
	.section socket
	.globl sock_ctx_negative_offset
	.type sock_ctx_negative_offset, @function
sock_ctx_negative_offset:
	r0 = *(u64 *)(r1 - 8)
	r0 = 0
	exit
	.size sock_ctx_negative_offset, .-sock_ctx_negative_offset
