; tp_get_current_comm.s - copies the task name into 16 bytes of stack.
; kernel: accept
	.license "GPL"
	.section tracepoint/syscalls/sys_enter_nanosleep
	.globl tp_get_current_comm
	.type tp_get_current_comm, @function
tp_get_current_comm:
	r1 = r10
	r1 += -16
	r2 = 16
	call bpf_get_current_comm
	r0 = 0
	exit
	.size tp_get_current_comm, .-tp_get_current_comm
