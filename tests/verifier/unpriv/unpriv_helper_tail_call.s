; unpriv_helper_tail_call.s - bpf_tail_call through a program array.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section socket
	.globl unpriv_helper_tail_call
	.type unpriv_helper_tail_call, @function
unpriv_helper_tail_call:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size unpriv_helper_tail_call, .-unpriv_helper_tail_call
