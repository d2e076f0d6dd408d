; rtp_smp_processor_id.s - bpf_get_smp_processor_id and an arithmetic use of it.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_smp_processor_id
	.type rtp_smp_processor_id, @function
rtp_smp_processor_id:
	call bpf_get_smp_processor_id
	r0 &= 1
	exit
	.size rtp_smp_processor_id, .-rtp_smp_processor_id
