; xdp_ctx_misaligned.s - reads a u32 at offset 14 of the context: not on a field.
; kernel: reject: invalid bpf_context access off=14 size=4
	.license "GPL"
	.section xdp
	.globl xdp_ctx_misaligned
	.type xdp_ctx_misaligned, @function
xdp_ctx_misaligned:
	r0 = *(u32 *)(r1 + 14)
	r0 = 0
	exit
	.size xdp_ctx_misaligned, .-xdp_ctx_misaligned
