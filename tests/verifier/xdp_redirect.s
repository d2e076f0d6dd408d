; xdp_redirect.s - calls bpf_redirect, a networking helper.
; kernel: accept
	.license "GPL"
	.section xdp
	.globl xdp_redirect
	.type xdp_redirect, @function
xdp_redirect:
	r1 = 1
	r2 = 0
	call bpf_redirect
	exit
	.size xdp_redirect, .-xdp_redirect
