; unpriv_spill_ptr_overwrite_half.s - spills a pointer, then overwrites 4 of its 8 bytes.
; kernel: accept
; kernel-unpriv: reject: attempt to corrupt spilled pointer on stack
	.license "GPL"
	.section socket
	.globl unpriv_spill_ptr_overwrite_half
	.type unpriv_spill_ptr_overwrite_half, @function
unpriv_spill_ptr_overwrite_half:
	*(u64 *)(r10 - 8) = r1
	r2 = 0
	*(u32 *)(r10 - 8) = r2
	r0 = 0
	exit
	.size unpriv_spill_ptr_overwrite_half, .-unpriv_spill_ptr_overwrite_half
