; tc_ctx_misaligned.s - reads a u32 at offset 2 of the context: not on a field.
; kernel: reject: invalid bpf_context access off=2 size=4
	.license "GPL"
	.section tc
	.globl tc_ctx_misaligned
	.type tc_ctx_misaligned, @function
tc_ctx_misaligned:
	r0 = *(u32 *)(r1 + 2)
	r0 = 0
	exit
	.size tc_ctx_misaligned, .-tc_ctx_misaligned
