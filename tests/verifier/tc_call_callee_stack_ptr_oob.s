; tc_call_callee_stack_ptr_oob.s - the callee reads 8 bytes past the caller's slot it was given.
; kernel: reject: invalid read from stack R1 off=0 size=8
	.license "GPL"
	.section tc
	.globl tc_call_callee_stack_ptr_oob
	.type tc_call_callee_stack_ptr_oob, @function
tc_call_callee_stack_ptr_oob:
	*(u64 *)(r10 - 8) = 3
	r1 = r10
	r1 += -8
	call f
	exit
	.size tc_call_callee_stack_ptr_oob, .-tc_call_callee_stack_ptr_oob
	.type f, @function
f:
	r0 = *(u64 *)(r1 + 8)
	exit
	.size f, .-f
