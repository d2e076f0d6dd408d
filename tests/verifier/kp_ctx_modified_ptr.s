; kp_ctx_modified_ptr.s - adds 8 to the context pointer and dereferences it: ctx pointers must not move.
; kernel: reject: dereference of modified ctx ptr R1 off=8 disallowed
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_ctx_modified_ptr
	.type kp_ctx_modified_ptr, @function
kp_ctx_modified_ptr:
	r1 += 8
	r0 = *(u32 *)(r1 + 104)
	r0 = 0
	exit
	.size kp_ctx_modified_ptr, .-kp_ctx_modified_ptr
