; kp_ctx_variable_offset.s - adds a random value to the context pointer and reads.
; kernel: reject: variable ctx access var_off=(0x0; 0x8) disallowed
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_variable_offset
	.type kp_ctx_variable_offset, @function
kp_ctx_variable_offset:
	r6 = r1
	call bpf_get_prandom_u32
	r0 &= 8
	r6 += r0
	r0 = *(u32 *)(r6 + 0)
	r0 = 0
	exit
	.size kp_ctx_variable_offset, .-kp_ctx_variable_offset
