; tc_ctx_variable_offset.s - adds a random value to the context pointer and reads.
; kernel: reject: variable ctx access var_off=(0x0; 0x8) disallowed
	.license "GPL"
	.section tc
	.globl tc_ctx_variable_offset
	.type tc_ctx_variable_offset, @function
tc_ctx_variable_offset:
	r6 = r1
	call bpf_get_prandom_u32
	r0 &= 8
	r6 += r0
	r0 = *(u32 *)(r6 + 0)
	r0 = 0
	exit
	.size tc_ctx_variable_offset, .-tc_ctx_variable_offset
