; tp_call_stack_too_deep.s - caller and callee each use 512 bytes of stack: over the 512-byte limit of a shared stack; tracing types get private per-subprogram stacks on x86-64 and may.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_call_stack_too_deep
	.type tp_call_stack_too_deep, @function
tp_call_stack_too_deep:
	*(u64 *)(r10 - 512) = 0
	call f
	exit
	.size tp_call_stack_too_deep, .-tp_call_stack_too_deep
	.type f, @function
f:
	*(u64 *)(r10 - 512) = 0
	r0 = 0
	exit
	.size f, .-f
