; xdp_ctx_u16_read.s - reads data as a u16: narrower than the field.
; kernel: reject: invalid bpf_context access off=0 size=2
	.license "GPL"
	.section xdp
	.globl xdp_ctx_u16_read
	.type xdp_ctx_u16_read, @function
xdp_ctx_u16_read:
	r0 = *(u16 *)(r1 + 0)
	r0 = 2
	exit
	.size xdp_ctx_u16_read, .-xdp_ctx_u16_read
