; xdp_get_current_comm.s - copies the task name into 16 bytes of stack.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_get_current_comm
	.type xdp_get_current_comm, @function
xdp_get_current_comm:
	r1 = r10
	r1 += -16
	r2 = 16
	call bpf_get_current_comm
	r0 = 0
	exit
	.size xdp_get_current_comm, .-xdp_get_current_comm
