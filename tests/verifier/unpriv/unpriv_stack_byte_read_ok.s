; unpriv_stack_byte_read_ok.s - writes one byte and reads it back.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_stack_byte_read_ok
	.type unpriv_stack_byte_read_ok, @function
unpriv_stack_byte_read_ok:
	*(u8 *)(r10 - 1) = 3
	r0 = *(u8 *)(r10 - 1)
	exit
	.size unpriv_stack_byte_read_ok, .-unpriv_stack_byte_read_ok
