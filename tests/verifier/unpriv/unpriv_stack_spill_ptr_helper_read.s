; unpriv_stack_spill_ptr_helper_read.s - bpf_skb_load_bytes writes over a spilled pointer.
; kernel: accept
; kernel-unpriv: reject: attempt to corrupt spilled pointer on stack
	.license "GPL"
	.section socket
	.globl unpriv_stack_spill_ptr_helper_read
	.type unpriv_stack_spill_ptr_helper_read, @function
unpriv_stack_spill_ptr_helper_read:
	r6 = r1
	*(u64 *)(r10 - 8) = r1
	r1 = r6
	r2 = 0
	r3 = r10
	r3 += -8
	r4 = 8
	call bpf_skb_load_bytes
	r0 = 0
	exit
	.size unpriv_stack_spill_ptr_helper_read, .-unpriv_stack_spill_ptr_helper_read
