; unpriv_stack_ptr_var_read.s - reads the stack at a variable offset (r10 - 8 - (x & 8)).
; kernel: accept
; kernel-unpriv: reject: R1 variable stack access prohibited for !root, var_off=(0x0; 0x8) off=-16
	.license "GPL"
	.section socket
	.globl unpriv_stack_ptr_var_read
	.type unpriv_stack_ptr_var_read, @function
unpriv_stack_ptr_var_read:
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	call bpf_get_prandom_u32
	r0 &= 8
	r1 = r10
	r1 += -16
	r1 += r0
	r0 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
	.size unpriv_stack_ptr_var_read, .-unpriv_stack_ptr_var_read
