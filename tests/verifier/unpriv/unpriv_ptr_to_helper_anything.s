; unpriv_ptr_to_helper_anything.s - passes the context as bpf_tail_call's index (an ANYTHING argument): a pointer leaks into the helper.
; kernel: accept
; kernel-unpriv: reject: R3 leaks addr into helper function
	.license "GPL"
	.map jmp, prog_array, key=4, value=4, entries=4
	.section socket
	.globl unpriv_ptr_to_helper_anything
	.type unpriv_ptr_to_helper_anything, @function
unpriv_ptr_to_helper_anything:
	r3 = r1
	r2 = jmp ll
	call bpf_tail_call
	r0 = 0
	exit
	.size unpriv_ptr_to_helper_anything, .-unpriv_ptr_to_helper_anything
