; tp_read_common.s - reads the common header (u16 type at offset 0).
; kernel: reject: invalid bpf_context access off=0 size=2
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_read_common
	.type tp_read_common, @function
tp_read_common:
	r0 = *(u16 *)(r1 + 0)
	r0 = 0
	exit
	.size tp_read_common, .-tp_read_common
