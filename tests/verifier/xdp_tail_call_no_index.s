; xdp_tail_call_no_index.s - a tail call without setting the index r3.
; kernel: reject: R3 !read_ok
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section xdp
	.globl xdp_tail_call_no_index
	.type xdp_tail_call_no_index, @function
xdp_tail_call_no_index:
	r2 = jmp ll
	call bpf_tail_call
	r0 = 0
	exit
	.size xdp_tail_call_no_index, .-xdp_tail_call_no_index
