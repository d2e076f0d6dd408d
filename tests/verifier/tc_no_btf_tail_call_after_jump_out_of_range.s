; tc_no_btf_tail_call_after_jump_out_of_range.s - check_subprogs comes before the check
; of subprograms without BTF: the jump into the next function is named first.
; kernel: reject: jump out of range from insn 0 to 3
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section tc
	.globl tc_no_btf_tail_call_after_jump_out_of_range
	.type tc_no_btf_tail_call_after_jump_out_of_range, @function
tc_no_btf_tail_call_after_jump_out_of_range:
	if r1 == 0 goto f
	call f
	exit
f:
	r2 = jmp ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
