; unpriv_mod_by_reg.s - takes a modulo by an unknown register.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_mod_by_reg
	.type unpriv_mod_by_reg, @function
unpriv_mod_by_reg:
	call bpf_get_prandom_u32
	r1 = 100
	r1 %= r0
	r0 = 0
	exit
	.size unpriv_mod_by_reg, .-unpriv_mod_by_reg
