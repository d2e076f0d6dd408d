; kp_ctx_write.s - writes the context field at offset 112.
; kernel: reject: invalid bpf_context access off=112 size=8
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_write
	.type kp_ctx_write, @function
kp_ctx_write:
	r2 = 0
	*(u64 *)(r1 + 112) = r2
	r0 = 0
	exit
	.size kp_ctx_write, .-kp_ctx_write
