; kp_read_regs_di.s - reads pt_regs->di (offset 112), the first argument on x86-64.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_read_regs_di
	.type kp_read_regs_di, @function
kp_read_regs_di:
	r0 = *(u64 *)(r1 + 112)
	r0 = 0
	exit
	.size kp_read_regs_di, .-kp_read_regs_di
