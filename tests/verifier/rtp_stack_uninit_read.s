; rtp_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_stack_uninit_read
	.type rtp_stack_uninit_read, @function
rtp_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size rtp_stack_uninit_read, .-rtp_stack_uninit_read
