; kp_read_regs_unaligned.s - reads a u64 at offset 4: not aligned to its size.
; kernel: reject: invalid bpf_context access off=4 size=8
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_read_regs_unaligned
	.type kp_read_regs_unaligned, @function
kp_read_regs_unaligned:
	r0 = *(u64 *)(r1 + 4)
	r0 = 0
	exit
	.size kp_read_regs_unaligned, .-kp_read_regs_unaligned
