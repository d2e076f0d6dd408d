; tc_stack_misaligned.s - stores 8 bytes at r10 - 4: stack access must be aligned.
; kernel: reject: misaligned stack access off 0+0+-4 size 8
	.license "GPL"
	.section tc
	.globl tc_stack_misaligned
	.type tc_stack_misaligned, @function
tc_stack_misaligned:
	r1 = 0
	*(u64 *)(r10 - 4) = r1
	r0 = 0
	exit
	.size tc_stack_misaligned, .-tc_stack_misaligned
