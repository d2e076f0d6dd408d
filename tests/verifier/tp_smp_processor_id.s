; tp_smp_processor_id.s - bpf_get_smp_processor_id and an arithmetic use of it.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_smp_processor_id
	.type tp_smp_processor_id, @function
tp_smp_processor_id:
	call bpf_get_smp_processor_id
	r0 &= 1
	exit
	.size tp_smp_processor_id, .-tp_smp_processor_id
