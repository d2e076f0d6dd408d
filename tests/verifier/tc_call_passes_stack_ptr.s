; tc_call_passes_stack_ptr.s - passes a pointer to the caller's stack; the callee reads the value through it.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_call_passes_stack_ptr
	.type tc_call_passes_stack_ptr, @function
tc_call_passes_stack_ptr:
	*(u64 *)(r10 - 8) = 3
	r1 = r10
	r1 += -8
	call f
	exit
	.size tc_call_passes_stack_ptr, .-tc_call_passes_stack_ptr
	.type f, @function
f:
	r0 = *(u64 *)(r1 + 0)
	exit
	.size f, .-f
