; tp_sdiv_min_by_minus1.s - signed division INT64_MIN / -1 (v4 sdiv): defined, allowed.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_sdiv_min_by_minus1
	.type tp_sdiv_min_by_minus1, @function
tp_sdiv_min_by_minus1:
	r0 = -0x80000000
	r0 <<= 32
	r0 s/= -1
	r0 = 0
	exit
	.size tp_sdiv_min_by_minus1, .-tp_sdiv_min_by_minus1
