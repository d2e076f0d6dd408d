; kp_get_current_comm.s - copies the task name into 16 bytes of stack.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_get_current_comm
	.type kp_get_current_comm, @function
kp_get_current_comm:
	r1 = r10
	r1 += -16
	r2 = 16
	call bpf_get_current_comm
	r0 = 0
	exit
	.size kp_get_current_comm, .-kp_get_current_comm
