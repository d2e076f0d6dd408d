; kp_loop_cb_ret_stack_ptr.s - the callback returns its ctx argument, a pointer to the caller's stack.
; kernel: reject: cannot return stack pointer to the caller
	.license "GPL"
	.section kprobe/do_nanosleep
	.globl kp_loop_cb_ret_stack_ptr
	.type kp_loop_cb_ret_stack_ptr, @function
kp_loop_cb_ret_stack_ptr:
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
	.size kp_loop_cb_ret_stack_ptr, .-kp_loop_cb_ret_stack_ptr
	.type cb, @function
cb:
	r0 = r2
	exit
	.size cb, .-cb
