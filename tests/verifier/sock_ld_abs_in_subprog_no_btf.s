; sock_ld_abs_in_subprog_no_btf.s - LD_ABS in a subprogram without BTF func info
; (f has no .type).
; kernel: reject: LD_ABS is not allowed in subprogs without BTF
	.license "GPL"
	.section socket
	.globl sock_ld_abs_in_subprog_no_btf
	.type sock_ld_abs_in_subprog_no_btf, @function
sock_ld_abs_in_subprog_no_btf:
	r6 = r1
	call f
	exit
f:
	r0 = *(u8 *)skb[12]
	r0 = 0
	exit
