; rtp_get_stack.s - bpf_get_stack into 64 bytes of stack.
; kernel: accept
	.license "GPL"
	.section raw_tracepoint/sys_enter
	.globl rtp_get_stack
	.type rtp_get_stack, @function
rtp_get_stack:
	r2 = r10
	r2 += -64
	r3 = 64
	r4 = 0
	call bpf_get_stack
	r0 = 0
	exit
	.size rtp_get_stack, .-rtp_get_stack
