; tc_tail_call_in_subprog_no_btf.s - a tail call from a subprogram without .type: no BTF
; func info for it, ebpf-load loads without BTF, and subprograms may not tail-call then.
; kernel: reject: tail_call is not allowed in subprogs without BTF
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section tc
	.globl tc_tail_call_in_subprog_no_btf
	.type tc_tail_call_in_subprog_no_btf, @function
tc_tail_call_in_subprog_no_btf:
	call f
	exit
f:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
