; tp_scalar_deref.s - dereferences a number.
; kernel: reject: R1 invalid mem access 'scalar'
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_scalar_deref
	.type tp_scalar_deref, @function
tp_scalar_deref:
	r1 = 4096
	r0 = *(u64 *)(r1 + 0)
	exit
	.size tp_scalar_deref, .-tp_scalar_deref
