; unpriv_spill_ptr_overwrite_whole.s - spills a pointer, then overwrites it with a number.
; kernel: accept
; kernel-unpriv: accept
	.license "GPL"
	.section socket
	.globl unpriv_spill_ptr_overwrite_whole
	.type unpriv_spill_ptr_overwrite_whole, @function
unpriv_spill_ptr_overwrite_whole:
	*(u64 *)(r10 - 8) = r1
	r2 = 0
	*(u64 *)(r10 - 8) = r2
	r0 = *(u64 *)(r10 - 8)
	exit
	.size unpriv_spill_ptr_overwrite_whole, .-unpriv_spill_ptr_overwrite_whole
