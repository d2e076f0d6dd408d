; tc_ctx_modified_ptr.s - adds 8 to the context pointer and dereferences it: ctx pointers must not move.
; kernel: reject: dereference of modified ctx ptr R1 off=8 disallowed
	.license "GPL"
	.section tc
	.globl tc_ctx_modified_ptr
	.type tc_ctx_modified_ptr, @function
tc_ctx_modified_ptr:
	r1 += 8
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size tc_ctx_modified_ptr, .-tc_ctx_modified_ptr
