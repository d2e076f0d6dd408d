; xdp_ctx_write.s - writes the context field at offset 12.
; kernel: reject: invalid bpf_context access off=12 size=4
	.license "GPL"
	.section xdp
	.globl xdp_ctx_write
	.type xdp_ctx_write, @function
xdp_ctx_write:
	r2 = 0
	*(u32 *)(r1 + 12) = r2
	r0 = 0
	exit
	.size xdp_ctx_write, .-xdp_ctx_write
