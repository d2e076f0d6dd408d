; unpriv_call_subprog.s - a bpf-to-bpf call.
; kernel: accept
; kernel-unpriv: reject: loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN
	.license "GPL"
	.section socket
	.globl unpriv_call_subprog
	.type unpriv_call_subprog, @function
unpriv_call_subprog:
	call f
	exit
	.size unpriv_call_subprog, .-unpriv_call_subprog
	.type f, @function
f:
	r0 = 0
	exit
	.size f, .-f
