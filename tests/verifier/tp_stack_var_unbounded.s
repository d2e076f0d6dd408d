; tp_stack_var_unbounded.s - adds an unbounded random number to r10 and writes there.
; kernel: reject: math between fp pointer and register with unbounded min value is not allowed
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_var_unbounded
	.type tp_stack_var_unbounded, @function
tp_stack_var_unbounded:
	call bpf_get_prandom_u32
	r1 = r10
	r1 += r0
	*(u8 *)(r1 - 8) = 0
	r0 = 0
	exit
	.size tp_stack_var_unbounded, .-tp_stack_var_unbounded
