; sock_call_stack_too_deep.s - caller and callee each use 512 bytes of stack: over the 512-byte limit of a shared stack; tracing types get private per-subprogram stacks on x86-64 and may.
; kernel: reject: combined stack size of 2 calls is 1024. Too large
	.license "GPL"
	.section socket
	.globl sock_call_stack_too_deep
	.type sock_call_stack_too_deep, @function
sock_call_stack_too_deep:
	*(u64 *)(r10 - 512) = 0
	call f
	exit
	.size sock_call_stack_too_deep, .-sock_call_stack_too_deep
	.type f, @function
f:
	*(u64 *)(r10 - 512) = 0
	r0 = 0
	exit
	.size f, .-f
