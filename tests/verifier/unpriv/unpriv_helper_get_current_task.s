; unpriv_helper_get_current_task.s - bpf_get_current_task.
; kernel: accept
; kernel-unpriv: reject: program of this type cannot use helper bpf_get_current_task#35
	.license "GPL"
	.section socket
	.globl unpriv_helper_get_current_task
	.type unpriv_helper_get_current_task, @function
unpriv_helper_get_current_task:
	call bpf_get_current_task
	r0 = 0
	exit
	.size unpriv_helper_get_current_task, .-unpriv_helper_get_current_task
