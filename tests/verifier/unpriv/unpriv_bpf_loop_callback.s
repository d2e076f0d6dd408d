; unpriv_bpf_loop_callback.s - bpf_loop with a callback function.
; kernel: accept
; kernel-unpriv: reject: loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN
	.license "GPL"
	.section socket
	.globl unpriv_bpf_loop_callback
	.type unpriv_bpf_loop_callback, @function
unpriv_bpf_loop_callback:
	r1 = 4
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size unpriv_bpf_loop_callback, .-unpriv_bpf_loop_callback
	.type cb, @function
cb:
	r0 = 0
	exit
	.size cb, .-cb
