; kp_send_signal.s - bpf_send_signal(9) from a kprobe.
; kernel: accept
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_send_signal
	.type kp_send_signal, @function
kp_send_signal:
	r1 = 9
	call bpf_send_signal
	r0 = 0
	exit
	.size kp_send_signal, .-kp_send_signal
