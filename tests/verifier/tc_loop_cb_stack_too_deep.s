; tc_loop_cb_stack_too_deep.s - the caller uses 400 bytes of stack and the callback 200: 400 + 208 (rounded to 16) is more than 512.
; kernel: reject: combined stack size of 2 calls is 608. Too large
	.license "GPL"
	.section tc
	.globl tc_loop_cb_stack_too_deep
	.type tc_loop_cb_stack_too_deep, @function
tc_loop_cb_stack_too_deep:
	r1 = 0
	*(u64 *)(r10 - 400) = r1
	r1 = 10
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tc_loop_cb_stack_too_deep, .-tc_loop_cb_stack_too_deep
	.type cb, @function
cb:
	r1 = 0
	*(u64 *)(r10 - 200) = r1
	r0 = 0
	exit
	.size cb, .-cb
