; rtp_ctx_modified_ptr.s - adds 8 to the context pointer and dereferences it: ctx pointers must not move.
; kernel: reject: dereference of modified ctx ptr R1 off=8 disallowed
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_ctx_modified_ptr
	.type rtp_ctx_modified_ptr, @function
rtp_ctx_modified_ptr:
	r1 += 8
	r0 = *(u32 *)(r1 + 0)
	r0 = 0
	exit
	.size rtp_ctx_modified_ptr, .-rtp_ctx_modified_ptr
