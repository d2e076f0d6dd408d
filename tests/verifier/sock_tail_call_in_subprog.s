; sock_tail_call_in_subprog.s - a tail call from a subprogram with a small stack.
; kernel: accept
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section socket
	.globl sock_tail_call_in_subprog
	.type sock_tail_call_in_subprog, @function
sock_tail_call_in_subprog:
	call f
	exit
	.size sock_tail_call_in_subprog, .-sock_tail_call_in_subprog
	.type f, @function
f:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
	.size f, .-f
