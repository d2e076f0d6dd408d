; tc_call_stack_too_deep.s - caller and callee each use 512 bytes of stack: over the 512-byte limit of a shared stack; tracing types get private per-subprogram stacks on x86-64 and may.
; kernel: reject: combined stack size of 2 calls is 1024. Too large
	.license "GPL"
	.section tc
	.globl tc_call_stack_too_deep
	.type tc_call_stack_too_deep, @function
tc_call_stack_too_deep:
	*(u64 *)(r10 - 512) = 0
	call f
	exit
	.size tc_call_stack_too_deep, .-tc_call_stack_too_deep
	.type f, @function
f:
	*(u64 *)(r10 - 512) = 0
	r0 = 0
	exit
	.size f, .-f
