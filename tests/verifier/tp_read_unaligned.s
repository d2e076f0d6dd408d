; tp_read_unaligned.s - reads a u64 at offset 12.
; kernel: reject: invalid bpf_context access off=12 size=8
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_read_unaligned
	.type tp_read_unaligned, @function
tp_read_unaligned:
	r0 = *(u64 *)(r1 + 12)
	r0 = 0
	exit
	.size tp_read_unaligned, .-tp_read_unaligned
