; kp_ctx_misaligned.s - reads a u32 at offset 114 of the context: not on a field.
; kernel: reject: invalid bpf_context access off=114 size=4
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_misaligned
	.type kp_ctx_misaligned, @function
kp_ctx_misaligned:
	r0 = *(u32 *)(r1 + 114)
	r0 = 0
	exit
	.size kp_ctx_misaligned, .-kp_ctx_misaligned
