; tp_stack_oob_below.s - stores 8 bytes at r10 - 520, below the 512-byte frame.
; kernel: reject: invalid write to stack R10 off=-520 size=8
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_stack_oob_below
	.type tp_stack_oob_below, @function
tp_stack_oob_below:
	r1 = 0
	*(u64 *)(r10 - 520) = r1
	r0 = 0
	exit
	.size tp_stack_oob_below, .-tp_stack_oob_below
