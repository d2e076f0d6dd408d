; tc_redirect.s - calls bpf_redirect, a networking helper.
; kernel: accept
	.license "GPL"
	.section tc
	.globl tc_redirect
	.type tc_redirect, @function
tc_redirect:
	r1 = 1
	r2 = 0
	call bpf_redirect
	exit
	.size tc_redirect, .-tc_redirect
