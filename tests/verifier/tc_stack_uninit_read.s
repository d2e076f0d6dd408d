; tc_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_stack_uninit_read
	.type tc_stack_uninit_read, @function
tc_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size tc_stack_uninit_read, .-tc_stack_uninit_read
