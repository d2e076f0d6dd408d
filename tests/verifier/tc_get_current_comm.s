; tc_get_current_comm.s - bpf_get_current_comm from tc (this kernel has it in the base helper set).
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_get_current_comm
	.type tc_get_current_comm, @function
tc_get_current_comm:
	r1 = r10
	r1 += -16
	r2 = 16
	call bpf_get_current_comm
	r0 = 0
	exit
	.size tc_get_current_comm, .-tc_get_current_comm
