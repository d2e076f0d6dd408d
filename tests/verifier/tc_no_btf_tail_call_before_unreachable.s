; tc_no_btf_tail_call_before_unreachable.s - the check of subprograms without BTF comes
; before check_cfg: the unreachable instruction is not what the kernel names.
; kernel: reject: tail_call is not allowed in subprogs without BTF
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section tc
	.globl tc_no_btf_tail_call_before_unreachable
	.type tc_no_btf_tail_call_before_unreachable, @function
tc_no_btf_tail_call_before_unreachable:
	call f
	r0 = 0
	exit
	r0 = 1
	exit
f:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
