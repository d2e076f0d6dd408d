; tp_ctx_modified_ptr.s - adds 8 to the context pointer and dereferences it: ctx pointers must not move.
; kernel: reject: dereference of modified ctx ptr R1 off=8 disallowed
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_ctx_modified_ptr
	.type tp_ctx_modified_ptr, @function
tp_ctx_modified_ptr:
	r1 += 8
	r0 = *(u32 *)(r1 + 8)
	r0 = 0
	exit
	.size tp_ctx_modified_ptr, .-tp_ctx_modified_ptr
