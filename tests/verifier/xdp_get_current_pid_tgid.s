; xdp_get_current_pid_tgid.s - bpf_get_current_pid_tgid from XDP (this kernel has it in the base helper set).
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_get_current_pid_tgid
	.type xdp_get_current_pid_tgid, @function
xdp_get_current_pid_tgid:
	call bpf_get_current_pid_tgid
	r0 = 2
	exit
	.size xdp_get_current_pid_tgid, .-xdp_get_current_pid_tgid
