; kp_read_regs_u32.s - reads the low half of a pt_regs field.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_read_regs_u32
	.type kp_read_regs_u32, @function
kp_read_regs_u32:
	r0 = *(u32 *)(r1 + 112)
	r0 = 0
	exit
	.size kp_read_regs_u32, .-kp_read_regs_u32
