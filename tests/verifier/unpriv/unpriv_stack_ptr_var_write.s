; unpriv_stack_ptr_var_write.s - writes the stack at a variable offset.
; kernel: accept
; kernel-unpriv: reject: R1 variable stack access prohibited for !root, var_off=(0x0; 0x8) off=-16
	.license "GPL"
	.section socket
	.globl unpriv_stack_ptr_var_write
	.type unpriv_stack_ptr_var_write, @function
unpriv_stack_ptr_var_write:
	call bpf_get_prandom_u32
	r0 &= 8
	r1 = r10
	r1 += -16
	r1 += r0
	r2 = 0
	*(u64 *)(r1 + 0) = r2
	r0 = 0
	exit
	.size unpriv_stack_ptr_var_write, .-unpriv_stack_ptr_var_write
