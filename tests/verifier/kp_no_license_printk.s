; kp_no_license_printk.s - no license section at all: bpf_trace_printk (GPL-only).
; kernel: reject: cannot call GPL-restricted function from non-GPL compatible program
	.section kprobe/do_nanosleep
	.globl kp_no_license_printk
	.type kp_no_license_printk, @function
kp_no_license_printk:
	r1 = 0x0a6968
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 4
	call bpf_trace_printk
	r0 = 0
	exit
	.size kp_no_license_printk, .-kp_no_license_printk
