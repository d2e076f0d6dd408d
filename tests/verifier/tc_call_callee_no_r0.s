; tc_call_callee_no_r0.s - the callee exits without setting r0, the caller returns it.
; kernel: reject: R0 !read_ok
	.license "GPL"
	.section tc
	.globl tc_call_callee_no_r0
	.type tc_call_callee_no_r0, @function
tc_call_callee_no_r0:
	call f
	exit
	.size tc_call_callee_no_r0, .-tc_call_callee_no_r0
	.type f, @function
f:
	r1 = 0
	exit
	.size f, .-f
