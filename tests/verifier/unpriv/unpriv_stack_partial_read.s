; unpriv_stack_partial_read.s - writes 4 bytes of a slot, reads all 8.
; kernel: accept
; kernel-unpriv: reject: invalid read from stack off -8+4 size 8
	.license "GPL"
	.section socket
	.globl unpriv_stack_partial_read
	.type unpriv_stack_partial_read, @function
unpriv_stack_partial_read:
	*(u32 *)(r10 - 8) = 1
	r0 = *(u64 *)(r10 - 8)
	exit
	.size unpriv_stack_partial_read, .-unpriv_stack_partial_read
