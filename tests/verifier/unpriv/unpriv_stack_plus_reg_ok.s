; unpriv_stack_plus_reg_ok.s - moves r10 by a register holding -8, then stores through it.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_stack_plus_reg_ok
	.type unpriv_stack_plus_reg_ok, @function
unpriv_stack_plus_reg_ok:
	r1 = r10
	r2 = -8
	r1 += r2
	r0 = 0
	*(u64 *)(r1 + 0) = r0
	exit
	.size unpriv_stack_plus_reg_ok, .-unpriv_stack_plus_reg_ok
