; unpriv_helper_prandom.s - bpf_get_prandom_u32.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_helper_prandom
	.type unpriv_helper_prandom, @function
unpriv_helper_prandom:
	call bpf_get_prandom_u32
	r0 = 0
	exit
	.size unpriv_helper_prandom, .-unpriv_helper_prandom
