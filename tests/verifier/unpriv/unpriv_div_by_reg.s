; unpriv_div_by_reg.s - divides by an unknown register (0 gives 0 at run time).
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_div_by_reg
	.type unpriv_div_by_reg, @function
unpriv_div_by_reg:
	call bpf_get_prandom_u32
	r1 = 100
	r1 /= r0
	r0 = 0
	exit
	.size unpriv_div_by_reg, .-unpriv_div_by_reg
