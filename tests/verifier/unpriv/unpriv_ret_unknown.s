; unpriv_ret_unknown.s - returns an unknown number: socket filters may return any value.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_ret_unknown
	.type unpriv_ret_unknown, @function
unpriv_ret_unknown:
	call bpf_get_prandom_u32
	exit
	.size unpriv_ret_unknown, .-unpriv_ret_unknown
