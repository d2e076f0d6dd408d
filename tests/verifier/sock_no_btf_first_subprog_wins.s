; sock_no_btf_first_subprog_wins.s - without BTF func info, the first subprogram (a tail
; call) is named before the second (LD_ABS).
; kernel: reject: tail_call is not allowed in subprogs without BTF
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section socket
	.globl sock_no_btf_first_subprog_wins
	.type sock_no_btf_first_subprog_wins, @function
sock_no_btf_first_subprog_wins:
	r6 = r1
	call f
	call g
	exit
f:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
g:
	r0 = *(u8 *)skb[12]
	r0 = 0
	exit
