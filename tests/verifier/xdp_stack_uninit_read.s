; xdp_stack_uninit_read.s - reads 8 bytes of stack that were never written. Root may: the kernel lets privileged programs read uninitialised stack.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_stack_uninit_read
	.type xdp_stack_uninit_read, @function
xdp_stack_uninit_read:
	r0 = *(u64 *)(r10 - 8)
	exit
	.size xdp_stack_uninit_read, .-xdp_stack_uninit_read
