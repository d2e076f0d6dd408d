; xdp_gpl_helper_nongpl.s - calls bpf_trace_printk, GPL-only, from a proprietary program.
; kernel: reject: cannot call GPL-restricted function from non-GPL compatible program
	.license "Proprietary"
	.section xdp
	.globl xdp_gpl_helper_nongpl
	.type xdp_gpl_helper_nongpl, @function
xdp_gpl_helper_nongpl:
	r1 = 0x0a6968
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 0
	exit
	.size xdp_gpl_helper_nongpl, .-xdp_gpl_helper_nongpl
