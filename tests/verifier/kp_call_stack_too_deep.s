; kp_call_stack_too_deep.s - caller and callee each use 512 bytes of stack: over the 512-byte limit of a shared stack; tracing types get private per-subprogram stacks on x86-64 and may.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_call_stack_too_deep
	.type kp_call_stack_too_deep, @function
kp_call_stack_too_deep:
	*(u64 *)(r10 - 512) = 0
	call f
	exit
	.size kp_call_stack_too_deep, .-kp_call_stack_too_deep
	.type f, @function
f:
	*(u64 *)(r10 - 512) = 0
	r0 = 0
	exit
	.size f, .-f
