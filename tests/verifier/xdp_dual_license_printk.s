; xdp_dual_license_printk.s - "Dual BSD/GPL" counts as GPL-compatible.
; kernel: accept
	.license "Dual BSD/GPL"
	.section xdp
	.globl xdp_dual_license_printk
	.type xdp_dual_license_printk, @function
xdp_dual_license_printk:
	r1 = 0x0a6968
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 2
	exit
	.size xdp_dual_license_printk, .-xdp_dual_license_printk
