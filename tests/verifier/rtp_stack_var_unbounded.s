; rtp_stack_var_unbounded.s - adds an unbounded random number to r10 and writes there.
; kernel: reject: math between fp pointer and register with unbounded min value is not allowed
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_var_unbounded
	.type rtp_stack_var_unbounded, @function
rtp_stack_var_unbounded:
	call bpf_get_prandom_u32
	r1 = r10
	r1 += r0
	*(u8 *)(r1 - 8) = 0
	r0 = 0
	exit
	.size rtp_stack_var_unbounded, .-rtp_stack_var_unbounded
