; sock_no_btf_ld_abs_before_tail_call.s - without BTF func info, a subprogram with both LD_ABS
; and a tail call: LD_ABS is named first.
; kernel: reject: LD_ABS is not allowed in subprogs without BTF
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section socket
	.globl sock_no_btf_ld_abs_before_tail_call
	.type sock_no_btf_ld_abs_before_tail_call, @function
sock_no_btf_ld_abs_before_tail_call:
	r6 = r1
	call g
	exit
g:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = *(u8 *)skb[12]
	r0 = 0
	exit
