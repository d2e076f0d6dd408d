; tc_tail_call_no_index.s - a tail call without setting the index r3.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section tc
	.globl tc_tail_call_no_index
	.type tc_tail_call_no_index, @function
tc_tail_call_no_index:
	r2 = jmp ll
	call bpf_tail_call
	r0 = 0
	exit
	.size tc_tail_call_no_index, .-tc_tail_call_no_index
