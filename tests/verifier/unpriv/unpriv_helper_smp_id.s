; unpriv_helper_smp_id.s - bpf_get_smp_processor_id.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_smp_id
	.type unpriv_helper_smp_id, @function
unpriv_helper_smp_id:
	call bpf_get_smp_processor_id
	r0 = 0
	exit
	.size unpriv_helper_smp_id, .-unpriv_helper_smp_id
