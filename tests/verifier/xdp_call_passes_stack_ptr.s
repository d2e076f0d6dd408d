; xdp_call_passes_stack_ptr.s - passes a pointer to the caller's stack; the callee reads the value through it.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_call_passes_stack_ptr
	.type xdp_call_passes_stack_ptr, @function
xdp_call_passes_stack_ptr:
	*(u64 *)(r10 - 8) = 3
	r1 = r10
	r1 += -8
	call f
	exit
	.size xdp_call_passes_stack_ptr, .-xdp_call_passes_stack_ptr
	.type f, @function
f:
	r0 = *(u64 *)(r1 + 0)
	exit
	.size f, .-f
