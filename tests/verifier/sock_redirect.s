; sock_redirect.s - calls bpf_redirect, a networking helper.
; kernel: reject: program of this type cannot use helper bpf_redirect#23
	.license "GPL"
	.section socket
	.globl sock_redirect
	.type sock_redirect, @function
sock_redirect:
	r1 = 1
	r2 = 0
	call bpf_redirect
	exit
	.size sock_redirect, .-sock_redirect
