; tc_stack_oob_below.s - stores 8 bytes at r10 - 520, below the 512-byte frame.
; kernel: reject: invalid write to stack R10 off=-520 size=8
	.license "GPL"
	.section tc
	.globl tc_stack_oob_below
	.type tc_stack_oob_below, @function
tc_stack_oob_below:
	r1 = 0
	*(u64 *)(r10 - 520) = r1
	r0 = 0
	exit
	.size tc_stack_oob_below, .-tc_stack_oob_below
