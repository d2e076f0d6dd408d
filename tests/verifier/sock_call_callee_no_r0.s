; sock_call_callee_no_r0.s - the callee exits without setting r0, the caller returns it.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section socket
	.globl sock_call_callee_no_r0
	.type sock_call_callee_no_r0, @function
sock_call_callee_no_r0:
	call f
	exit
	.size sock_call_callee_no_r0, .-sock_call_callee_no_r0
	.type f, @function
f:
	r1 = 0
	exit
	.size f, .-f
