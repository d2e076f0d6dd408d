; kp_loop_stack_overrun.s - the same loop one iteration too many: it writes at r10 + 0.
; kernel: reject: invalid write to stack R1 off=0 size=8
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_stack_overrun
	.type kp_loop_stack_overrun, @function
kp_loop_stack_overrun:
	r1 = r10
	r1 += -64
	r2 = 0
loop:
	*(u64 *)(r1 + 0) = 0
	r1 += 8
	r2 += 1
	if r2 < 9 goto loop
	r0 = 0
	exit
	.size kp_loop_stack_overrun, .-kp_loop_stack_overrun
