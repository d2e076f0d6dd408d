; tc_loop_cb_index_unbounded.s - the callback adds its index to a stack pointer: the index is any 64-bit number.
; kernel: reject: math between fp pointer and register with unbounded min value is not allowed
	.license "GPL"
	.section tc
	.globl tc_loop_cb_index_unbounded
	.type tc_loop_cb_index_unbounded, @function
tc_loop_cb_index_unbounded:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = 10
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = 0
	exit
	.size tc_loop_cb_index_unbounded, .-tc_loop_cb_index_unbounded
	.type cb, @function
cb:
	r2 += r1
	r0 = 0
	exit
	.size cb, .-cb
