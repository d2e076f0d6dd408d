; kp_get_current_task.s - bpf_get_current_task, used as a number.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_get_current_task
	.type kp_get_current_task, @function
kp_get_current_task:
	call bpf_get_current_task
	r0 = 0
	exit
	.size kp_get_current_task, .-kp_get_current_task
